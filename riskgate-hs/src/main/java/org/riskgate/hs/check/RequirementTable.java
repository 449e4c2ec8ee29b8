package org.riskgate.hs.check;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.riskgate.hs.HsCode;

/**
 * HS ranges that carry an import requirement (food safety, plant quarantine, ...), read from an
 * editable CSV: columns {@code from,to,requirement,authority}; lines starting with {@code #} are
 * comments. A code is in a range when its prefix of the range's length lies between {@code from}
 * and {@code to} inclusive, so {@code 0201,0210} covers every code of headings 0201 to 0210.
 *
 * @param ranges the table's rows in file order
 */
public record RequirementTable(List<Range> ranges) {

  /** Location of the bundled table. */
  public static final String RESOURCE = "/org/riskgate/hs/data/requirements.csv";

  /**
   * One row of the table.
   *
   * @param from first code prefix of the range
   * @param to last code prefix of the range, same length as {@code from}
   * @param requirement requirement type, e.g. "plant quarantine"
   * @param authority who checks it, free text for officers
   */
  public record Range(String from, String to, String requirement, String authority) {
    /** Checks the bounds. */
    public Range {
      HsCode.parse(from);
      HsCode.parse(to);
      if (from.length() != to.length() || from.compareTo(to) > 0) {
        throw new IllegalArgumentException("range " + from + "-" + to + ": bounds of equal length, from <= to");
      }
    }

    /** Whether the code lies in the range. */
    public boolean covers(HsCode code) {
      if (code.digits().length() < from.length()) {
        return false;
      }
      String p = code.digits().substring(0, from.length());
      return p.compareTo(from) >= 0 && p.compareTo(to) <= 0;
    }
  }

  /** Copies the list. */
  public RequirementTable {
    ranges = List.copyOf(ranges);
  }

  /** The distinct requirement types that apply to the code, in table order; empty if none. */
  public List<String> requirementsOf(HsCode code) {
    Set<String> out = new LinkedHashSet<>();
    for (Range r : ranges) {
      if (r.covers(code)) {
        out.add(r.requirement());
      }
    }
    return List.copyOf(out);
  }

  /** The bundled table. */
  public static RequirementTable bundled() {
    InputStream in = RequirementTable.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(r, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A table from a file in the same format, replacing the bundled one. */
  public static RequirementTable load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static RequirementTable parse(Reader r, String name) throws IOException {
    List<Range> out = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
        .skipEmptyLines(true).ofNamedCsvRecord(r)) {
      for (NamedCsvRecord rec : csv) {
        try {
          out.add(new Range(rec.getField("from").strip(), rec.getField("to").strip(),
              rec.getField("requirement").strip(), rec.findField("authority").orElse("").strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + " line " + rec.getStartingLineNumber() + ": " + e.getMessage(), e);
        }
      }
    }
    return new RequirementTable(out);
  }
}
