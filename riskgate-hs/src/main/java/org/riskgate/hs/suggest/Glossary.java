package org.riskgate.hs.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.riskgate.hs.HsCode;

/**
 * The curated glossary: everyday and trade names of goods, in English, Korean, Chinese, Japanese,
 * Vietnamese and Thai, each pointing at the HS chapter, heading or subheading they belong to.
 *
 * <p>File format ({@code glossary.tsv}): one line per code, {@code code<TAB>term|term|...};
 * {@code #} starts a comment. Several lines may name the same code.
 *
 * @param entries one entry per (code, term)
 */
public record Glossary(List<Entry> entries) {

  /** Location of the bundled glossary. */
  public static final String RESOURCE = "/org/riskgate/hs/data/glossary.tsv";

  /**
   * One term of the glossary.
   *
   * @param code the chapter, heading or subheading the term names
   * @param term the term as written in the file
   * @param line the line of the file, for error messages
   */
  public record Entry(HsCode code, String term, int line) {}

  /** Copies the list. */
  public Glossary {
    entries = List.copyOf(entries);
  }

  /** The bundled glossary. */
  public static Glossary bundled() {
    InputStream in = Glossary.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the glossary", e);
    }
  }

  /** Parses the glossary format; a malformed line is an error naming its number. */
  public static Glossary parse(BufferedReader r) throws IOException {
    List<Entry> out = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      int tab = s.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("glossary line " + n + ": expected code<TAB>terms");
      }
      HsCode code;
      try {
        code = HsCode.parse(s.substring(0, tab));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("glossary line " + n + ": " + e.getMessage(), e);
      }
      for (String term : s.substring(tab + 1).split("\\|")) {
        if (!term.isBlank()) {
          out.add(new Entry(code, term.strip(), n));
        }
      }
    }
    return new Glossary(out);
  }
}
