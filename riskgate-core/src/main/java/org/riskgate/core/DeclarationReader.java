package org.riskgate.core;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Streams declarations out of a CSV file, one row at a time, so files of any size can be read in
 * constant memory. Columns are found by header name through a {@link ColumnMapping}.
 *
 * <p>A row that cannot be read (wrong number of fields, a bad number, date or code) goes to the
 * {@link RejectSink} with its line and field and reading goes on; a missing required column stops
 * at once with a {@link MissingColumnException}. Values are checked by {@link DeclarationParser},
 * as every other format's are.
 */
public final class DeclarationReader implements DeclarationStream {
  private final String source;
  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final List<String> header;
  private final Map<Field, Integer> index;
  private final RejectSink rejects;
  private final DeclarationParser parser;
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
    Map<Field, String> columns = new EnumMap<>(Field.class);
    index.forEach((f, i) -> columns.put(f, header.get(i)));
    this.parser = new DeclarationParser(source, columns);
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

  /** The header row as read. */
  public List<String> header() {
    return header;
  }

  /** Data rows seen so far, good and rejected. */
  public long rowsRead() {
    return rows;
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
    return parser.parse(f -> rec.getField(index.get(f)), line, rejects).orElse(null);
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
