package org.riskgate.hs.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.riskgate.hs.text.Field;
import org.riskgate.hs.text.Terms;

/**
 * Sparse features of a description for the linear model: analysed words of every script family,
 * adjacent Latin word pairs, and character 3- and 4-grams of the lower-cased text (which carry
 * Korean and Chinese morphology and misspellings that word features miss). L2-normalised.
 */
final class Features {
  private Features() {}

  static Map<String, Double> of(String text) {
    Map<String, Double> f = new HashMap<>();
    for (Map.Entry<Field, Set<String>> e : Terms.of(text).entrySet()) {
      for (String t : e.getValue()) {
        f.merge("w:" + e.getKey().ordinal() + ":" + t, 1.0, Double::sum);
      }
    }
    List<String> latin = Terms.analyze(Field.LATIN.analyzer(), text);
    for (int i = 0; i + 1 < latin.size(); i++) {
      f.merge("b:" + latin.get(i) + "_" + latin.get(i + 1), 1.0, Double::sum);
    }
    String norm = " " + text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s\\d]+", " ").strip() + " ";
    for (int n = 3; n <= 4; n++) {
      for (int i = 0; i + n <= norm.length(); i++) {
        f.merge("c:" + norm.substring(i, i + n), 0.5, Double::sum);
      }
    }
    double norm2 = Math.sqrt(f.values().stream().mapToDouble(v -> v * v).sum());
    if (norm2 > 0) {
      f.replaceAll((k, v) -> v / norm2);
    }
    return f;
  }
}
