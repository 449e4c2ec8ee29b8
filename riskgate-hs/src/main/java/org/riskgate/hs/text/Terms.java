package org.riskgate.hs.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs text through the analyzers and returns the terms, per script family. */
public final class Terms {
  private Terms() {}

  /** The distinct terms of the text in every family that produced any. */
  public static Map<Field, Set<String>> of(String text) {
    Map<Field, Set<String>> out = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      Set<String> terms = new LinkedHashSet<>(analyze(f.analyzer(), text));
      if (!terms.isEmpty()) {
        out.put(f, terms);
      }
    }
    return out;
  }

  /** The terms one analyzer produces for the text, in order, with repeats. */
  public static List<String> analyze(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
    return out;
  }
}
