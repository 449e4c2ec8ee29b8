package org.riskgate.core;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Streams declarations out of a CSV file, one row at a time, so files of any size can be read in
 * constant memory. Columns are found by header name through a {@link ColumnMapping}.
 *
 * <p>A row that cannot be read (wrong number of fields, a bad number, date or code) goes to the
 * {@link RejectSink} with its line and field and reading goes on; a missing required column stops
 * at once with a {@link MissingColumnException}.
 */
public final class DeclarationReader implements Iterator<Declaration>, Closeable {
  private final String source;
  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final List<String> header;
  private final Map<Field, Integer> index;
  private final RejectSink rejects;
  // Dates repeat across millions of rows; parsing each once keeps reading fast.
  private final Map<String, LocalDate> dates = new HashMap<>();
  // Codes, countries, parties and HS codes repeat too: one shared instance of each value keeps a
  // window of rows waiting for its day small, and hashes each value once. Bounded, in case a
  // column turns out to be unique per row.
  private final Map<String, String> shared = new HashMap<>();
  private static final int MAX_SHARED = 200_000;
  private Declaration next;
  private long rows;

  private DeclarationReader(Path file, ColumnMapping mapping, RejectSink rejects) throws IOException {
    this.source = file.toString();
    this.rejects = rejects;
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such declaration file: " + file);
    }
    this.csv = CsvReader.builder()
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .detectBomHeader(true)
        .ofCsvRecord(file);
    this.records = csv.iterator();
    if (!records.hasNext()) {
      csv.close();
      throw new IllegalArgumentException(source + ": file is empty (no header row)");
    }
    this.header = List.copyOf(records.next().getFields());
    try {
      this.index = mapping.resolve(header, source);
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  /** Opens a declaration file; reading starts with the first data row. */
  public static DeclarationReader open(Path file, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    return new DeclarationReader(file, mapping, rejects);
  }

  /** Reads a whole file into memory: for training sets, never for scoring. */
  public static List<Declaration> readAll(Path file, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    List<Declaration> all = new ArrayList<>();
    try (DeclarationReader r = open(file, mapping, rejects)) {
      r.forEachRemaining(all::add);
    }
    return all;
  }

  /**
   * Reads a whole file into a compact {@link DeclarationTable}: for training sets of millions of
   * rows, a quarter of the memory of {@link #readAll}'s records (whose identity callers may rely on).
   */
  public static DeclarationTable readTable(Path file, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    DeclarationTable.Builder all = DeclarationTable.builder();
    try (DeclarationReader r = open(file, mapping, rejects)) {
      r.forEachRemaining(all::add);
    }
    return all.build();
  }

  /** The header row as read. */
  public List<String> header() {
    return header;
  }

  /** Data rows seen so far, good and rejected. */
  public long rowsRead() {
    return rows;
  }

  /** Whether the file has a column for this field. */
  public boolean has(Field field) {
    return index.containsKey(field);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      try {
        if (!records.hasNext()) {
          return false;
        }
        CsvRecord rec = records.next();
        rows++;
        next = parse(rec);
      } catch (UncheckedIOException e) {
        throw e;
      } catch (RuntimeException e) {
        // FastCSV reports structural damage (e.g. an unterminated quote) this way; the row
        // cannot be located more precisely than the reader's position.
        rejects.reject(new Reject(source, rows + 1, "(row)", "",
            "unreadable CSV: " + e.getMessage() + "; the rest of the file was not read"));
        return false;
      }
    }
    return true;
  }

  @Override
  public Declaration next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Declaration d = next;
    next = null;
    return d;
  }

  @Override
  public void forEachRemaining(Consumer<? super Declaration> action) {
    while (hasNext()) {
      action.accept(next());
    }
  }

  private Declaration parse(CsvRecord rec) {
    long line = rec.getStartingLineNumber();
    if (rec.getFieldCount() != header.size()) {
      // at the end of the file an open quote also holds the file's final line break
      String joined = String.join(",", rec.getFields()).replaceFirst("\\r?\\n$", "");
      long breaks = joined.chars().filter(c -> c == '\n').count();
      // an unbalanced quote makes one "row" of every line up to the next quote: say so, so the
      // lines it swallowed are not lost without a word
      rejects.reject(new Reject(source, line, "(row)", "",
          "expected " + header.size() + " fields, found " + rec.getFieldCount()
              + (breaks == 0 ? "" : "; the row runs over lines " + line + "-" + (line + breaks)
                  + " (unbalanced quote?), all of them rejected")));
      return null;
    }
    try {
      return new Declaration(
          text(rec, Field.DECLARATION_ID, true),
          date(rec),
          code(rec, Field.OFFICE_ID, false),
          code(rec, Field.PROCESS_TYPE, false),
          code(rec, Field.IMPORT_TYPE, false),
          code(rec, Field.IMPORT_USE, false),
          code(rec, Field.PAYMENT_TYPE, false),
          code(rec, Field.TRANSPORT_MODE, false),
          code(rec, Field.DECLARANT_ID, false),
          code(rec, Field.IMPORTER_ID, true),
          code(rec, Field.SELLER_ID, false),
          code(rec, Field.COURIER_ID, false),
          share(hsCode(rec)),
          code(rec, Field.DEPARTURE_COUNTRY, false),
          code(rec, Field.ORIGIN_COUNTRY, false),
          number(rec, Field.TAX_RATE, 0, 1000),
          code(rec, Field.TAX_TYPE, false),
          code(rec, Field.ORIGIN_INDICATOR, false),
          number(rec, Field.NET_MASS, 0, Double.MAX_VALUE),
          number(rec, Field.ITEM_PRICE, 0, Double.MAX_VALUE),
          outcome(rec),
          revenue(rec),
          text(rec, Field.DESCRIPTION, false));
    } catch (BadField e) {
      rejects.reject(new Reject(source, line, e.header, e.value, e.reason));
      return null;
    }
  }

  private String raw(CsvRecord rec, Field f) {
    Integer i = index.get(f);
    return i == null ? "" : rec.getField(i).trim();
  }

  private String text(CsvRecord rec, Field f, boolean required) {
    String v = raw(rec, f);
    if (required && v.isEmpty()) {
      throw bad(f, v, "required value is blank");
    }
    return v;
  }

  /** A repeating value, as its one shared instance. */
  private String code(CsvRecord rec, Field f, boolean required) {
    return share(text(rec, f, required));
  }

  private String share(String v) {
    String s = shared.get(v);
    if (s != null) {
      return s;
    }
    if (shared.size() < MAX_SHARED) {
      shared.put(v, v);
    }
    return v;
  }

  private LocalDate date(CsvRecord rec) {
    String v = raw(rec, Field.DATE);
    LocalDate d = dates.get(v);
    if (d == null) {
      try {
        d = v.length() == 8 && allDigits(v)
            ? LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                Integer.parseInt(v.substring(6)))
            : LocalDate.parse(v);
      } catch (java.time.DateTimeException | NumberFormatException e) {
        throw bad(Field.DATE, v, "not a date (expected YYYY-MM-DD)");
      }
      dates.put(v, d);
    }
    return d;
  }

  private String hsCode(CsvRecord rec) {
    String v = raw(rec, Field.HS_CODE);
    String digits = v.indexOf('.') < 0 && v.indexOf(' ') < 0 ? v : v.replace(".", "").replace(" ", "");
    if (digits.isEmpty() || !allDigits(digits)) {
      throw bad(Field.HS_CODE, v, "HS code must be digits");
    }
    // Spreadsheets drop the leading zero of chapters 01-09: 5 and 9 digits are restored.
    if (digits.length() == 5 || digits.length() == 9) {
      digits = "0" + digits;
    }
    if (digits.length() < 6 || digits.length() > 10) {
      throw bad(Field.HS_CODE, v, "HS code must have 6 to 10 digits");
    }
    return digits;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private double number(CsvRecord rec, Field f, double min, double max) {
    String v = raw(rec, f);
    if (v.isEmpty()) {
      throw bad(f, v, "required number is blank");
    }
    double x;
    try {
      x = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(f, v, "not a number");
    }
    if (!(x >= min && x <= max)) {
      throw bad(f, v, max == Double.MAX_VALUE ? "out of range: must not be negative"
          : "out of range: must be between " + min + " and " + max);
    }
    return x;
  }

  private Optional<InspectionOutcome> outcome(CsvRecord rec) {
    if (!index.containsKey(Field.FRAUD)) {
      return Optional.empty();
    }
    String f = raw(rec, Field.FRAUD);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    boolean fraud = switch (f) {
      case "0", "0.0" -> false;
      case "1", "1.0" -> true;
      default -> throw bad(Field.FRAUD, f, "fraud must be 0 or 1");
    };
    String c = raw(rec, Field.CRITICAL_FRAUD);
    int critical = switch (c) {
      case "" -> fraud ? 1 : 0;
      case "0", "0.0" -> 0;
      case "1", "1.0" -> 1;
      case "2", "2.0" -> 2;
      default -> throw bad(Field.CRITICAL_FRAUD, c, "critical fraud must be 0, 1 or 2");
    };
    return Optional.of(new InspectionOutcome(fraud, critical));
  }

  private OptionalDouble revenue(CsvRecord rec) {
    if (!index.containsKey(Field.REVENUE) || raw(rec, Field.REVENUE).isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(number(rec, Field.REVENUE, 0, Double.MAX_VALUE));
  }

  private BadField bad(Field f, String value, String reason) {
    Integer i = index.get(f);
    return new BadField(i == null ? f.key() : header.get(i), value, reason);
  }

  /** Control flow for one unreadable field; cheap because it carries no stack trace. */
  private static final class BadField extends RuntimeException {
    final String header;
    final String value;
    final String reason;

    BadField(String header, String value, String reason) {
      super(reason, null, false, false);
      this.header = header;
      this.value = value;
      this.reason = reason;
    }
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
