package org.riskgate.profiles.groups;

import java.util.Locale;
import org.riskgate.core.Declaration;

/** A way to cut declarations into groups. */
public enum Dimension {
  HS2("hs2"),
  HS4("hs4"),
  HS6("hs6"),
  ORIGIN("origin"),
  DEPARTURE("departure"),
  OFFICE("office"),
  TRANSPORT_MODE("transport_mode"),
  IMPORT_TYPE("import_type"),
  /**
   * How established the importer was when the period began: {@code new} (no declaration
   * before), {@code occasional} (1-9), {@code regular} (10-99), {@code frequent} (100 or more).
   */
  IMPORTER_SEGMENT("importer.declarations");

  private final String field;

  Dimension(String field) {
    this.field = field;
  }

  /** The rules-language name this dimension tests. */
  public String field() {
    return field;
  }

  /** Lower-case name, as on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of a declaration (the importer segment is supplied by the caller). */
  String valueOf(Declaration d) {
    return switch (this) {
      case HS2 -> d.hsCode().substring(0, 2);
      case HS4 -> d.hsCode().substring(0, 4);
      case HS6 -> d.hs6();
      case ORIGIN -> d.originCountry();
      case DEPARTURE -> d.departureCountry();
      case OFFICE -> d.officeId();
      case TRANSPORT_MODE -> d.transportMode();
      case IMPORT_TYPE -> d.importType();
      case IMPORTER_SEGMENT -> throw new IllegalStateException("segment comes from history");
    };
  }

  static String segment(long priorDeclarations) {
    if (priorDeclarations == 0) {
      return "new";
    }
    return priorDeclarations < 10 ? "occasional" : priorDeclarations < 100 ? "regular" : "frequent";
  }

  /** The rules-language condition selecting one value of this dimension. */
  String condition(String value) {
    if (this != IMPORTER_SEGMENT) {
      return field + " = \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return switch (value) {
      case "new" -> field + " = 0";
      case "occasional" -> field + " >= 1 and " + field + " < 10";
      case "regular" -> field + " >= 10 and " + field + " < 100";
      default -> field + " >= 100";
    };
  }
}
