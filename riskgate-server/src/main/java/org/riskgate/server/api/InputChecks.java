package org.riskgate.server.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.riskgate.core.Declaration;
import org.riskgate.server.DateWindow;
import org.riskgate.server.Refusals;

/**
 * What a declaration may hold, checked the same way at every entry (CSV batch, JSON, ids in
 * paths). Ids end up in URLs, file names and audit lines, so they are held to a small alphabet:
 * {@value #ID_RULE}. No id can then be a dot segment ({@code ..}) or carry a {@code /}, {@code ?}
 * or {@code #} that would steer a link built from it.
 */
public final class InputChecks {
  /** The id alphabet, as told to clients. */
  public static final String ID_RULE =
      "1 to 64 characters: letters A-Z and a-z, digits, '.', '_' and '-', starting with a letter or digit";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
  /** Control characters, except the tab and line breaks a description may carry. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\p{Cf}\\p{Cs}]");

  private InputChecks() {}

  /** One refused field: its CSV column, its JSON name, the value and why. */
  public record Problem(String column, String field, String value, String reason) {}

  private enum Kind { REQUIRED_ID, ID, COUNTRY, TEXT }

  private record Field(String column, String field, Function<Declaration, String> value, Kind kind) {}

  private static final List<Field> FIELDS = List.of(
      new Field("Declaration ID", "id", Declaration::id, Kind.REQUIRED_ID),
      new Field("Importer ID", "importerId", Declaration::importerId, Kind.REQUIRED_ID),
      new Field("Declarant ID", "declarantId", Declaration::declarantId, Kind.ID),
      new Field("Seller ID", "sellerId", Declaration::sellerId, Kind.ID),
      new Field("Courier ID", "courierId", Declaration::courierId, Kind.ID),
      new Field("Office ID", "officeId", Declaration::officeId, Kind.ID),
      new Field("Process Type", "processType", Declaration::processType, Kind.ID),
      new Field("Import Type", "importType", Declaration::importType, Kind.ID),
      new Field("Import Use", "importUse", Declaration::importUse, Kind.ID),
      new Field("Payment Type", "paymentType", Declaration::paymentType, Kind.ID),
      new Field("Mode of Transport", "transportMode", Declaration::transportMode, Kind.ID),
      new Field("Tax Type", "taxType", Declaration::taxType, Kind.ID),
      new Field("Country of Origin Indicator", "originIndicator", Declaration::originIndicator, Kind.ID),
      new Field("Country of Departure", "departureCountry", Declaration::departureCountry, Kind.COUNTRY),
      new Field("Country of Origin", "originCountry", Declaration::originCountry, Kind.COUNTRY),
      new Field("Description", "description", Declaration::description, Kind.TEXT));

  /** Every problem of a declaration, in field order; empty when it may be stored. */
  public static List<Problem> problems(Declaration d, DateWindow dates, LocalDate today) {
    List<Problem> out = new ArrayList<>();
    for (Field f : FIELDS) {
      String v = f.value().apply(d);
      String why = switch (f.kind()) {
        case REQUIRED_ID -> ID.matcher(v).matches() ? null : "an id must be " + ID_RULE;
        case ID -> v.isEmpty() || ID.matcher(v).matches() ? null : "a code must be empty or " + ID_RULE;
        case COUNTRY -> v.isEmpty() || COUNTRY.matcher(v).matches() ? null
            : "a country is empty or 2 to 3 capital letters (ISO 3166)";
        case TEXT -> v.length() > 2000 ? "longer than 2000 characters"
            : CONTROL.matcher(v).find() ? "control characters are not allowed" : null;
      };
      if (why != null) {
        out.add(new Problem(f.column(), f.field(), printable(v), why));
      }
    }
    if (!d.hsCode().matches("\\d{6,10}")) {
      out.add(new Problem("HS6 Code", "hsCode", printable(d.hsCode()), "an HS code is 6 to 10 digits"));
    }
    dates.problem(d.date(), today).ifPresent(why -> out.add(new Problem("Date", "date", d.date().toString(), why)));
    return out;
  }

  /** What an id in a URL path names; its refusal's code. */
  public enum IdOf {
    DECLARATION("refused.declarationIdRule"), PARTY("refused.partyIdRule");

    private final String code;

    IdOf(String code) {
      this.code = code;
    }
  }

  /**
   * An id taken from a URL path, refused (400) unless it is in the id alphabet; the bundle's
   * English {@code refused.idRule} is {@link #ID_RULE}, what the API always said.
   */
  public static String id(String value, IdOf what) {
    if (value == null || !ID.matcher(value).matches()) {
      throw Refusals.refused(what.code, Refusals.phrase("refused.idRule"));
    }
    return value;
  }

  /** A value as it may be echoed in an error: cut short, control characters shown as '?'. */
  static String printable(String v) {
    String cut = v.length() > 80 ? v.substring(0, 77) + "..." : v;
    return CONTROL.matcher(cut).replaceAll("?");
  }
}
