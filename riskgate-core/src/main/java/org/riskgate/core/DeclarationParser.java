package org.riskgate.core;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns one row of raw field values into a {@link Declaration}, or into a {@link Reject} naming
 * the field at fault. Every reader (CSV, Parquet, a lake) passes its rows through this one class,
 * so a value is accepted or refused the same way whichever format it came in.
 *
 * <p>Not thread-safe: it keeps caches of repeated values.
 */
public final class DeclarationParser {
  /** One row's values by field, trimmed or not; an absent column or a null value reads as "". */
  @FunctionalInterface
  public interface Row {
    String get(Field field);
  }

  private final String source;
  private final Map<Field, String> names;
  // Dates repeat across millions of rows; parsing each once keeps reading fast.
  private final Map<String, LocalDate> dates = new HashMap<>();
  // Codes, countries, parties and HS codes repeat too: one shared instance of each value keeps a
  // window of rows waiting for its day small, and hashes each value once. Bounded, in case a
  // column turns out to be unique per row.
  private final Map<String, String> shared = new HashMap<>();
  private static final int MAX_SHARED = 200_000;

  /**
   * @param source the file named in rejects
   * @param columns the column name of every field the source has; fields it lacks read as blank
   */
  public DeclarationParser(String source, Map<Field, String> columns) {
    this.source = source;
    this.names = new EnumMap<>(Field.class);
    this.names.putAll(columns);
  }

  /** Whether the source has a column for this field. */
  public boolean has(Field field) {
    return names.containsKey(field);
  }

  /**
   * Parses one row.
   *
   * @param line the 1-based line (CSV) or row number (Parquet) named in a reject
   * @return the declaration, or empty when the row went to {@code rejects}
   */
  public Optional<Declaration> parse(Row row, long line, RejectSink rejects) {
    try {
      return Optional.of(new Declaration(
          text(row, Field.DECLARATION_ID, true),
          date(row),
          code(row, Field.OFFICE_ID, false),
          code(row, Field.PROCESS_TYPE, false),
          code(row, Field.IMPORT_TYPE, false),
          code(row, Field.IMPORT_USE, false),
          code(row, Field.PAYMENT_TYPE, false),
          code(row, Field.TRANSPORT_MODE, false),
          code(row, Field.DECLARANT_ID, false),
          code(row, Field.IMPORTER_ID, true),
          code(row, Field.SELLER_ID, false),
          code(row, Field.COURIER_ID, false),
          share(hsCode(row)),
          code(row, Field.DEPARTURE_COUNTRY, false),
          code(row, Field.ORIGIN_COUNTRY, false),
          number(row, Field.TAX_RATE, 0, 1000),
          code(row, Field.TAX_TYPE, false),
          code(row, Field.ORIGIN_INDICATOR, false),
          number(row, Field.NET_MASS, 0, Double.MAX_VALUE),
          number(row, Field.ITEM_PRICE, 0, Double.MAX_VALUE),
          outcome(row),
          revenue(row),
          text(row, Field.DESCRIPTION, false)));
    } catch (BadField e) {
      rejects.reject(new Reject(source, line, e.header, e.value, e.reason));
      return Optional.empty();
    }
  }

  private String raw(Row row, Field f) {
    if (!names.containsKey(f)) {
      return "";
    }
    String v = row.get(f);
    return v == null ? "" : v.trim();
  }

  private String text(Row row, Field f, boolean required) {
    String v = raw(row, f);
    if (required && v.isEmpty()) {
      throw bad(f, v, "required value is blank");
    }
    return v;
  }

  /** A repeating value, as its one shared instance. */
  private String code(Row row, Field f, boolean required) {
    return share(text(row, f, required));
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

  private LocalDate date(Row row) {
    String v = raw(row, Field.DATE);
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

  private String hsCode(Row row) {
    String v = raw(row, Field.HS_CODE);
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

  private double number(Row row, Field f, double min, double max) {
    String v = raw(row, f);
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

  private Optional<InspectionOutcome> outcome(Row row) {
    String f = raw(row, Field.FRAUD);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    boolean fraud = switch (f) {
      case "0", "0.0" -> false;
      case "1", "1.0" -> true;
      default -> throw bad(Field.FRAUD, f, "fraud must be 0 or 1");
    };
    String c = raw(row, Field.CRITICAL_FRAUD);
    int critical = switch (c) {
      case "" -> fraud ? 1 : 0;
      case "0", "0.0" -> 0;
      case "1", "1.0" -> 1;
      case "2", "2.0" -> 2;
      default -> throw bad(Field.CRITICAL_FRAUD, c, "critical fraud must be 0, 1 or 2");
    };
    return Optional.of(new InspectionOutcome(fraud, critical));
  }

  private OptionalDouble revenue(Row row) {
    if (raw(row, Field.REVENUE).isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(number(row, Field.REVENUE, 0, Double.MAX_VALUE));
  }

  private BadField bad(Field f, String value, String reason) {
    return new BadField(names.getOrDefault(f, f.key()), value, reason);
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
}
