package org.riskgate.hs.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskgate.hs.text.Field;
import org.riskgate.hs.text.Terms;

/**
 * Widens a non-English description with English words from a bilingual word list
 * ({@code translations.tsv}), so that it also matches the nomenclature's own English text.
 */
final class Translations {

  static final String RESOURCE = "/org/riskgate/hs/data/translations.tsv";

  /**
   * One entry: the analysed source terms (all must occur) and the English terms they add.
   *
   * @param source the word as written in the file
   * @param family script family of the source
   * @param terms analysed source terms
   * @param english analysed English terms
   */
  record Entry(String source, Field family, Set<String> terms, List<String> english) {}

  private final Map<String, List<Entry>> byFirstTerm;

  private Translations(Map<String, List<Entry>> byFirstTerm) {
    this.byFirstTerm = byFirstTerm;
  }

  static Translations bundled() {
    InputStream in = Translations.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    Map<String, List<Entry>> map = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t");
        if (p.length != 2) {
          throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected source<TAB>english");
        }
        Field family = KnowledgeIndex.Script.familyOf(p[0]);
        Set<String> terms = new LinkedHashSet<>(Terms.analyze(family.analyzer(), p[0]));
        List<String> english = Terms.analyze(Field.LATIN.analyzer(), p[1]);
        if (terms.isEmpty() || english.isEmpty()) {
          continue; // e.g. a word the analyzer treats as a stop word
        }
        Entry e = new Entry(p[0].strip(), family, terms, english);
        map.computeIfAbsent(family + ":" + terms.iterator().next(), k -> new ArrayList<>()).add(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Translations(map);
  }

  /** The entries whose source terms all occur in the description's terms of their family. */
  List<Entry> matches(Map<Field, Set<String>> query) {
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<Field, Set<String>> e : query.entrySet()) {
      for (String t : e.getValue()) {
        for (Entry x : byFirstTerm.getOrDefault(e.getKey() + ":" + t, List.of())) {
          if (e.getValue().containsAll(x.terms())) {
            out.add(x);
          }
        }
      }
    }
    return out;
  }
}
