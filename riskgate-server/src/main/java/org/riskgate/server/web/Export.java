package org.riskgate.server.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table written as CSV or as an Excel workbook (fastexcel). Cells are numbers, dates or text;
 * text that a spreadsheet would run as a formula is written so that it stays text.
 *
 * @param name the sheet's and the file's name
 */
public record Export(String name, List<String> headers, List<List<Object>> rows) {
  /** The most rows one export holds: a spreadsheet's limit is 1,048,576, a browser's patience less. */
  public static final int MAX_ROWS = 100_000;

  public Export {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }

  /** The two formats. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    /** The format of a {@code format} parameter: csv or xlsx. */
    public static Format parse(String s) {
      return switch (s == null ? "" : s) {
        case "csv" -> CSV;
        case "xlsx" -> XLSX;
        default -> throw new IllegalArgumentException("format must be csv or xlsx");
      };
    }
  }

  /** Writes the table in a format. */
  public void write(Format format, OutputStream out) throws IOException {
    switch (format) {
      case CSV -> writeCsv(out);
      case XLSX -> writeXlsx(out);
    }
  }

  /** RFC 4180 CSV in UTF-8 with a byte-order mark, which spreadsheets need to read Hangul right. */
  void writeCsv(OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    line(w, List.copyOf(headers));
    for (List<Object> r : rows) {
      line(w, r);
    }
    w.flush();
  }

  private static void line(Writer w, List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(csv(cells.get(i)));
    }
    w.write("\r\n");
  }

  /** One CSV field: quoted when needed; text starting like a formula gets a leading apostrophe. */
  static String csv(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number || v instanceof LocalDate) {
      return v.toString();
    }
    String s = defuse(v.toString());
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * Text a spreadsheet would evaluate ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage
   * return first) is prefixed with an apostrophe: an importer named {@code =HYPERLINK(...)} must
   * not run in the analyst's spreadsheet (OWASP "CSV injection").
   */
  static String defuse(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  void writeXlsx(OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "riskgate", "1.0");
    Worksheet ws = wb.newWorksheet(name);
    for (int c = 0; c < headers.size(); c++) {
      ws.value(0, c, headers.get(c));
      ws.style(0, c).bold().set();
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        switch (v) {
          case null -> { }
          case Number n -> ws.value(r + 1, c, n);
          case Boolean b -> ws.value(r + 1, c, b);
          case LocalDate d -> {
            ws.value(r + 1, c, d);
            ws.style(r + 1, c).format("yyyy-mm-dd").set();
          }
          // fastexcel writes text as text: no formula is ever evaluated from it
          default -> ws.value(r + 1, c, v.toString());
        }
      }
    }
    wb.finish();
  }

  /** The file name for a download. */
  String fileName(Format format) {
    return name + "." + format.extension;
  }
}
