package org.riskgate.lake;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.riskgate.core.Declaration;
import org.riskgate.core.Field;
import org.riskgate.core.InspectionOutcome;

/**
 * The lake's Parquet columns: one per {@link Field}, named by its key, in field order. This is a
 * contract with every other reader of the lake (the Spark jobs among them): see docs/lake.md.
 */
final class LakeSchema {
  private LakeSchema() {}

  /** The partition column, from the directory name {@code month=YYYY-MM}. */
  static final String MONTH = "month";

  /** The SQL type of a field's column. */
  static String type(Field f) {
    return switch (f) {
      case DATE -> "DATE";
      case TAX_RATE, NET_MASS, ITEM_PRICE, REVENUE -> "DOUBLE";
      case FRAUD -> "BOOLEAN";
      case CRITICAL_FRAUD -> "INTEGER";
      case DECLARATION_ID, OFFICE_ID, PROCESS_TYPE, IMPORT_TYPE, IMPORT_USE, PAYMENT_TYPE,
          TRANSPORT_MODE, DECLARANT_ID, IMPORTER_ID, SELLER_ID, COURIER_ID, HS_CODE,
          DEPARTURE_COUNTRY, ORIGIN_COUNTRY, TAX_TYPE, ORIGIN_INDICATOR, DESCRIPTION -> "VARCHAR";
    };
  }

  /** "declaration_id VARCHAR, date DATE, ...": the columns of a table holding lake rows. */
  static String columnDefinitions() {
    List<String> cols = new ArrayList<>();
    for (Field f : Field.values()) {
      cols.add(f.key() + " " + type(f));
    }
    return String.join(", ", cols);
  }

  /** "declaration_id, date, ...". */
  static String columnNames() {
    List<String> cols = new ArrayList<>();
    for (Field f : Field.values()) {
      cols.add(f.key());
    }
    return String.join(", ", cols);
  }

  /** An empty relation with the lake's columns and the month, for a lake with no rows yet. */
  static String emptyRelation() {
    List<String> cols = new ArrayList<>();
    for (Field f : Field.values()) {
      cols.add("CAST(NULL AS " + type(f) + ") AS " + f.key());
    }
    cols.add("CAST(NULL AS VARCHAR) AS " + MONTH);
    return "SELECT " + String.join(", ", cols) + " WHERE false";
  }

  /** Appends one declaration's values, in field order. Absent outcome, revenue, description: NULL. */
  static void append(DuckDBAppender a, Declaration d) throws SQLException {
    a.append(d.id()).append(d.date())
        .append(d.officeId()).append(d.processType()).append(d.importType()).append(d.importUse())
        .append(d.paymentType()).append(d.transportMode()).append(d.declarantId()).append(d.importerId())
        .append(d.sellerId()).append(d.courierId()).append(d.hsCode()).append(d.departureCountry())
        .append(d.originCountry()).append(d.taxRate()).append(d.taxType()).append(d.originIndicator())
        .append(d.netMass()).append(d.itemPrice());
    if (d.outcome().isPresent()) {
      InspectionOutcome o = d.outcome().get();
      a.append(o.fraud()).append(o.criticalFraud());
    } else {
      a.appendNull().appendNull();
    }
    if (d.revenue().isPresent()) {
      a.append(d.revenue().getAsDouble());
    } else {
      a.appendNull();
    }
    if (d.description().isEmpty()) {
      a.appendNull();
    } else {
      a.append(d.description());
    }
  }
}
