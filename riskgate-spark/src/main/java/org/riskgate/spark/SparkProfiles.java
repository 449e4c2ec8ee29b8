package org.riskgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.riskgate.core.Field;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.Share;

/**
 * Every party's profile as of a date, computed on Spark: the figures of
 * {@link org.riskgate.profiles.ProfileStore#profile} for every role and party at once, from the
 * declarations dated strictly before the date. Each figure is a sum, count or extreme per party,
 * so the work is one aggregation per role (and one per role and code for the top HS codes and
 * origins): no party's rows are ever gathered in one place, however many a courier has.
 *
 * <p>One row per (role, party) of {@link #COLUMNS}; {@link #toProfile} reads it back as the
 * single machine's {@link PartyProfile}, to which {@code SparkProfilesTest} holds it.
 */
public final class SparkProfiles {
  /** The output's columns, in order. */
  public static final List<String> COLUMNS = List.of("role", "party_id", "as_of", "declarations", "total_value",
      "total_tax", "first_seen", "last_seen", "inspected", "frauds", "raw_hit_rate", "hit_rate", "base_rate",
      "recent_declarations", "previous_declarations", "volume_trend", "hit_rate_trend", "risk_score",
      "distinct_hs", "distinct_origins", "top_hs", "top_origins");

  private static final scala.collection.immutable.Seq<String> BY_PARTY =
      scala.jdk.javaapi.CollectionConverters.asScala(List.of("role", "party_id")).toList();

  private SparkProfiles() {}

  /**
   * Profiles of every party in {@code rows} (of {@link DeclarationRows#lakeSchema()}) as of
   * {@code asOf}, for the given roles.
   */
  public static Dataset<Row> profiles(Dataset<Row> rows, LocalDate asOf, ProfileConfig config, List<PartyRole> roles) {
    Column t = to_date(lit(asOf.toString()));
    Dataset<Row> before = rows.where(col(Field.DATE.key()).lt(t))
        .withColumn("age", datediff(t, col(Field.DATE.key())))
        .withColumn("labelled", when(col(Field.FRAUD.key()).isNotNull(), 1).otherwise(0))
        .withColumn("fraud_found", when(col(Field.FRAUD.key()).equalTo(true), 1).otherwise(0));
    double base = baseRate(before);
    double m = config.priorStrength();
    double lambda = Math.log(2) / config.halfLifeDays();
    int recentDays = config.recentDays();

    Dataset<Row> parties = null;
    for (PartyRole role : roles) {
      Column party = col(role.field().key());
      Dataset<Row> r = before.where(party.isNotNull().and(party.notEqual("")))
          .select(lit(role.key()).as("role"), party.as("party_id"), col(Field.DATE.key()),
              col(Field.ITEM_PRICE.key()), taxAtStake().as("tax"), col("age"), col("labelled"), col("fraud_found"),
              expr("substring(" + Field.HS_CODE.key() + ", 1, 6)").as("hs6"), col(Field.ORIGIN_COUNTRY.key()).as("origin"));
      parties = parties == null ? r : parties.unionAll(r);
    }
    if (parties == null) {
      throw new IllegalArgumentException("no role to profile");
    }
    Column recent = col("age").leq(recentDays);
    Column previous = col("age").gt(recentDays).and(col("age").leq(2 * recentDays));
    Column decay = exp(col("age").multiply(-lambda));
    Dataset<Row> figures = parties.groupBy("role", "party_id").agg(
        count(lit(1)).as("declarations"),
        sum(Field.ITEM_PRICE.key()).as("total_value"),
        sum("tax").as("total_tax"),
        min(Field.DATE.key()).as("first_seen"),
        max(Field.DATE.key()).as("last_seen"),
        sum("labelled").cast("long").as("inspected"),
        sum("fraud_found").cast("long").as("frauds"),
        sum(when(recent, 1).otherwise(0)).cast("long").as("recent_declarations"),
        sum(when(previous, 1).otherwise(0)).cast("long").as("previous_declarations"),
        sum(when(recent, col("labelled")).otherwise(0)).cast("long").as("recent_inspected"),
        sum(when(recent, col("fraud_found")).otherwise(0)).cast("long").as("recent_frauds"),
        sum(col("labelled").multiply(decay)).as("decay_inspected"),
        sum(col("fraud_found").multiply(decay)).as("decay_frauds"),
        countDistinct("hs6").cast("int").as("distinct_hs"),
        countDistinct("origin").cast("int").as("distinct_origins"));

    Column inspected = col("inspected");
    Column frauds = col("frauds");
    Column olderInspected = inspected.minus(col("recent_inspected"));
    Column olderFrauds = frauds.minus(col("recent_frauds"));
    Dataset<Row> out = figures
        .join(top(parties, "hs6", config.topN()).withColumnRenamed("top", "top_hs"), BY_PARTY, "left")
        .join(top(parties, "origin", config.topN()).withColumnRenamed("top", "top_origins"), BY_PARTY, "left")
        .select(col("role"), col("party_id"), t.as("as_of"), col("declarations"), col("total_value"), col("total_tax"),
            col("first_seen"), col("last_seen"), inspected, frauds,
            when(inspected.gt(0), frauds.divide(inspected)).as("raw_hit_rate"),
            shrunk(frauds, inspected, base, m).as("hit_rate"),
            lit(base).as("base_rate"),
            col("recent_declarations"), col("previous_declarations"),
            col("recent_declarations").minus(col("previous_declarations"))
                .divide(greatest(lit(1L), col("previous_declarations"))).as("volume_trend"),
            shrunk(col("recent_frauds"), col("recent_inspected"), base, m)
                .minus(shrunk(olderFrauds, olderInspected, base, m)).as("hit_rate_trend"),
            col("decay_frauds").plus(m * base).divide(col("decay_inspected").plus(m)).as("risk_score"),
            col("distinct_hs"), col("distinct_origins"), shares("top_hs"), shares("top_origins"));
    return out.select(COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** The fraud rate of every inspection before the date; 0 when there was none (as on one machine). */
  private static double baseRate(Dataset<Row> before) {
    Row r = before.agg(sum("labelled").cast("long"), sum("fraud_found").cast("long")).first();
    long labelled = r.isNullAt(0) ? 0 : r.getLong(0);
    long frauds = r.isNullAt(1) ? 0 : r.getLong(1);
    return labelled == 0 ? 0 : frauds / (double) labelled;
  }

  /** {@link org.riskgate.core.Declaration#taxAtStake()}: the revenue column when present, else price × rate / 100. */
  private static Column taxAtStake() {
    return when(col(Field.REVENUE.key()).isNotNull(), col(Field.REVENUE.key()))
        .otherwise(col(Field.ITEM_PRICE.key()).multiply(col(Field.TAX_RATE.key())).divide(100.0));
  }

  private static Column shrunk(Column frauds, Column labelled, double base, double strength) {
    return frauds.plus(strength * base).divide(labelled.plus(strength));
  }

  /** A party's most frequent values of a column: by count, then by value, as the single machine orders them. */
  private static Dataset<Row> top(Dataset<Row> parties, String column, int n) {
    Dataset<Row> counts = parties.groupBy(col("role"), col("party_id"), col(column).as("value")).agg(count(lit(1)).as("count"));
    return counts
        .withColumn("rank", row_number().over(Window.partitionBy("role", "party_id")
            .orderBy(col("count").desc(), col("value").asc())))
        .where(col("rank").leq(n))
        .groupBy("role", "party_id")
        .agg(expr("array_sort(collect_list(struct(rank, value, count)))").as("top"));
  }

  private static Column shares(String column) {
    return expr("transform(" + column + ", x -> named_struct('value', x.value, 'count', x.count, "
        + "'share', x.count / declarations))").as(column);
  }

  /**
   * {@link #profiles} with the top HS codes and origins as text ({@code "850440 12; 847130 3"}),
   * for CSV, which holds no lists.
   */
  public static Dataset<Row> flat(Dataset<Row> profiles) {
    return profiles
        .withColumn("top_hs", expr("concat_ws('; ', transform(top_hs, x -> concat(x.value, ' ', x.count)))"))
        .withColumn("top_origins", expr("concat_ws('; ', transform(top_origins, x -> concat(x.value, ' ', x.count)))"));
  }

  /** A row of {@link #profiles} as the single machine's profile record. */
  public static PartyProfile toProfile(Row r) {
    return new PartyProfile(PartyRole.valueOf(r.<String>getAs("role").toUpperCase(java.util.Locale.ROOT)),
        r.getAs("party_id"), r.getAs("as_of"), r.<Long>getAs("declarations"), r.<Double>getAs("total_value"),
        r.<Double>getAs("total_tax"), r.getAs("first_seen"), r.getAs("last_seen"), r.<Long>getAs("inspected"),
        r.<Long>getAs("frauds"),
        r.isNullAt(r.fieldIndex("raw_hit_rate")) ? OptionalDouble.empty()
            : OptionalDouble.of(r.<Double>getAs("raw_hit_rate")),
        r.<Double>getAs("hit_rate"), r.<Double>getAs("base_rate"), r.<Long>getAs("recent_declarations"),
        r.<Long>getAs("previous_declarations"), r.<Double>getAs("volume_trend"), r.<Double>getAs("hit_rate_trend"),
        r.<Double>getAs("risk_score"), r.<Integer>getAs("distinct_hs"), r.<Integer>getAs("distinct_origins"),
        shareList(r, "top_hs"), shareList(r, "top_origins"));
  }

  private static List<Share> shareList(Row r, String column) {
    List<Share> out = new ArrayList<>();
    if (!r.isNullAt(r.fieldIndex(column))) {
      for (Row s : r.<Row>getList(r.fieldIndex(column))) {
        out.add(new Share(s.getAs("value"), s.<Long>getAs("count"), s.<Double>getAs("share")));
      }
    }
    return out;
  }
}
