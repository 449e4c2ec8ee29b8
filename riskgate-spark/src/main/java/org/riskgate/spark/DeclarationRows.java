package org.riskgate.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.riskgate.core.Declaration;
import org.riskgate.core.Field;
import org.riskgate.core.InspectionOutcome;

/**
 * Declarations as Spark rows: the declaration lake's columns, named by {@link Field#key()}, and
 * {@value #SEQ}, the row's place in its source, which orders a day's rows as a file is read.
 */
public final class DeclarationRows implements Serializable {
  /** Column of the arrival order: a day's rows are taken in this order, as in a file. */
  public static final String SEQ = "seq";

  private DeclarationRows() {}

  /** The lake's columns, in {@link Field} order. */
  public static StructType lakeSchema() {
    List<StructField> f = new ArrayList<>();
    for (Field field : Field.values()) {
      f.add(DataTypes.createStructField(field.key(), type(field), nullable(field)));
    }
    return DataTypes.createStructType(f);
  }

  /** The lake's columns and {@value #SEQ}. */
  public static StructType schema() {
    return lakeSchema().add(SEQ, DataTypes.LongType, false);
  }

  private static DataType type(Field f) {
    return switch (f) {
      case DATE -> DataTypes.DateType;
      case TAX_RATE, NET_MASS, ITEM_PRICE, REVENUE -> DataTypes.DoubleType;
      case FRAUD -> DataTypes.BooleanType;
      case CRITICAL_FRAUD -> DataTypes.IntegerType;
      default -> DataTypes.StringType;
    };
  }

  private static boolean nullable(Field f) {
    return switch (f) {
      case FRAUD, CRITICAL_FRAUD, REVENUE, DESCRIPTION -> true;
      default -> false;
    };
  }

  /** A declaration as a row of {@link #schema()}. */
  public static Row toRow(Declaration d, long seq) {
    Optional<InspectionOutcome> o = d.outcome();
    return RowFactory.create(d.id(), d.date(), d.officeId(), d.processType(), d.importType(), d.importUse(),
        d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(),
        d.hsCode(), d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(),
        d.netMass(), d.itemPrice(), o.map(InspectionOutcome::fraud).orElse(null),
        o.map(InspectionOutcome::criticalFraud).orElse(null),
        d.revenue().isPresent() ? d.revenue().getAsDouble() : null,
        d.description().isEmpty() ? null : d.description(), seq);
  }

  /**
   * The declaration of a row with the lake's columns. A missing critical-fraud value reads as
   * riskgate's reader reads a blank one: 1 for a fraud, 0 otherwise.
   */
  public static Declaration toDeclaration(Row r) {
    Object fraud = r.get(r.fieldIndex(Field.FRAUD.key()));
    Optional<InspectionOutcome> outcome = Optional.empty();
    if (fraud != null) {
      boolean f = (Boolean) fraud;
      Object critical = r.get(r.fieldIndex(Field.CRITICAL_FRAUD.key()));
      outcome = Optional.of(new InspectionOutcome(f, critical == null ? (f ? 1 : 0) : (Integer) critical));
    }
    Object revenue = r.get(r.fieldIndex(Field.REVENUE.key()));
    Object description = r.get(r.fieldIndex(Field.DESCRIPTION.key()));
    return new Declaration(text(r, Field.DECLARATION_ID), date(r.get(r.fieldIndex(Field.DATE.key()))),
        text(r, Field.OFFICE_ID), text(r, Field.PROCESS_TYPE), text(r, Field.IMPORT_TYPE),
        text(r, Field.IMPORT_USE), text(r, Field.PAYMENT_TYPE), text(r, Field.TRANSPORT_MODE),
        text(r, Field.DECLARANT_ID), text(r, Field.IMPORTER_ID), text(r, Field.SELLER_ID),
        text(r, Field.COURIER_ID), text(r, Field.HS_CODE), text(r, Field.DEPARTURE_COUNTRY),
        text(r, Field.ORIGIN_COUNTRY), number(r, Field.TAX_RATE), text(r, Field.TAX_TYPE),
        text(r, Field.ORIGIN_INDICATOR), number(r, Field.NET_MASS), number(r, Field.ITEM_PRICE), outcome,
        revenue == null ? OptionalDouble.empty() : OptionalDouble.of((Double) revenue),
        description == null ? "" : (String) description);
  }

  /** The row's arrival order. */
  public static long seq(Row r) {
    return r.getLong(r.fieldIndex(SEQ));
  }

  private static String text(Row r, Field f) {
    Object v = r.get(r.fieldIndex(f.key()));
    return v == null ? "" : (String) v;
  }

  private static double number(Row r, Field f) {
    Object v = r.get(r.fieldIndex(f.key()));
    if (v == null) {
      throw new IllegalArgumentException("declaration " + text(r, Field.DECLARATION_ID) + ": " + f.key() + " is missing");
    }
    return ((Number) v).doubleValue();
  }

  private static LocalDate date(Object v) {
    // java8API gives LocalDate; rows made elsewhere may carry java.sql.Date
    return v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
  }
}
