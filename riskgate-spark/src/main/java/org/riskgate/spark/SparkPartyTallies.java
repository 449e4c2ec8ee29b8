package org.riskgate.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.riskgate.core.Field;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;

/**
 * The parties' profile attributes ({@code importer.hit_rate} ...) of every scored declaration,
 * point-in-time, on Spark: for each role, a party's history is summed per day, and running window
 * sums over the days strictly before each scored declaration's date give the same tally
 * ({@link ProfileStore.Tally}) that {@link ProfileStore} reads from its arrays. The figures are then
 * made from the tallies by {@link ProfileStore#features(Map, double, LocalDate, ProfileConfig)}, the
 * single machine's own code. No party's rows are gathered in one place: a window holds a party's
 * days, not its declarations.
 */
public final class SparkPartyTallies {
  private static final String DAY = "rg_day";

  private SparkPartyTallies() {}

  /** The column holding a role's tally, a struct of {@link #TALLY_FIELDS}. */
  public static String column(PartyRole role) {
    return "tally_" + role.key();
  }

  private static final List<String> TALLY_FIELDS = List.of("declarations", "labelled", "frauds", "value",
      "decay_labelled", "decay_frauds", "first_day", "recent");

  /**
   * {@code rows} with one tally column per role, summed from {@code history} (rows of the lake's
   * schema, with outcomes) dated before each row's date. A row whose party has no earlier history,
   * or names none, gets a null tally (read as {@link ProfileStore.Tally#NONE}).
   */
  public static Dataset<Row> attach(Dataset<Row> rows, Dataset<Row> history, ProfileConfig config) {
    double lambda = Math.log(2) / config.halfLifeDays();
    Row first = history.agg(min(expr("unix_date(" + Field.DATE.key() + ")"))).first();
    // the single machine weighs by exp(λ(day − day0)) from the history's first day, then scales back
    int day0 = first.isNullAt(0) ? 0 : first.getInt(0);
    Dataset<Row> h = history.withColumn(DAY, expr("unix_date(" + Field.DATE.key() + ")"))
        .withColumn("rg_l", when(col(Field.FRAUD.key()).isNotNull(), 1L).otherwise(0L))
        .withColumn("rg_f", when(col(Field.FRAUD.key()).equalTo(true), 1L).otherwise(0L))
        .withColumn("rg_w", exp(col(DAY).minus(day0).multiply(lambda)));
    Dataset<Row> out = rows.withColumn(DAY, expr("unix_date(" + Field.DATE.key() + ")"));
    for (PartyRole role : PartyRole.values()) {
      out = attachRole(out, h, role, config.recentDays(), lambda, day0);
    }
    return out.drop(DAY);
  }

  private static Dataset<Row> attachRole(Dataset<Row> rows, Dataset<Row> h, PartyRole role, int recentDays,
      double lambda, int day0) {
    Column party = col(role.field().key());
    Dataset<Row> daily = h.where(party.notEqual("")).groupBy(party.as("rg_party"), col(DAY))
        .agg(count(lit(1)).as("n"), sum("rg_l").as("l"), sum("rg_f").as("f"),
            sum(col(Field.ITEM_PRICE.key())).as("v"), sum(col("rg_l").multiply(col("rg_w"))).as("wl"),
            sum(col("rg_f").multiply(col("rg_w"))).as("wf"));
    Dataset<Row> keys = rows.where(party.notEqual("")).select(party.as("rg_party"), col(DAY)).distinct()
        .select(col("rg_party"), col(DAY), lit(0L).as("n"), lit(0L).as("l"), lit(0L).as("f"), lit(0.0).as("v"),
            lit(0.0).as("wl"), lit(0.0).as("wf"));
    WindowSpec before = Window.partitionBy("rg_party").orderBy(DAY).rangeBetween(Window.unboundedPreceding(), -1);
    WindowSpec recent = Window.partitionBy("rg_party").orderBy(DAY).rangeBetween(-recentDays, -1);
    Column scale = exp(lit(-lambda).multiply(col(DAY).minus(day0)));
    Dataset<Row> tallies = daily.unionByName(keys).groupBy("rg_party", DAY)
        .agg(sum("n").as("n"), sum("l").as("l"), sum("f").as("f"), sum("v").as("v"), sum("wl").as("wl"),
            sum("wf").as("wf"))
        .select(col("rg_party"), col(DAY),
            sum("n").over(before).as("declarations"), sum("l").over(before).as("labelled"),
            sum("f").over(before).as("frauds"), sum("v").over(before).as("value"),
            sum("wl").over(before).multiply(scale).as("decay_labelled"),
            sum("wf").over(before).multiply(scale).as("decay_frauds"),
            min(when(col("n").gt(0), col(DAY))).over(before).as("first_day"),
            coalesce(sum("n").over(recent), lit(0L)).as("recent"))
        .where(col("declarations").gt(0))
        .select(col("rg_party"), col(DAY).as("rg_tally_day"),
            struct(TALLY_FIELDS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .as(column(role)));
    return rows.join(tallies, party.equalTo(col("rg_party")).and(col(DAY).equalTo(col("rg_tally_day"))), "left")
        .drop("rg_party", "rg_tally_day");
  }

  /** A row's tally in a role, as {@link #attach} left it. */
  public static ProfileStore.Tally tally(Row r, PartyRole role) {
    int i = r.fieldIndex(column(role));
    if (r.isNullAt(i)) {
      return ProfileStore.Tally.NONE;
    }
    Row t = r.getStruct(i);
    return new ProfileStore.Tally(t.getLong(0), t.getLong(1), t.getLong(2), t.getDouble(3), t.getDouble(4),
        t.getDouble(5), t.getInt(6), t.getLong(7));
  }

  /** All inspections and frauds by day, for the base rate as of any date: a row per day, so small. */
  public static BaseRates baseRates(Dataset<Row> history) {
    List<Row> days = history.where(col(Field.FRAUD.key()).isNotNull())
        .groupBy(expr("unix_date(" + Field.DATE.key() + ")").as("d"))
        .agg(count(lit(1)).as("l"), sum(when(col(Field.FRAUD.key()).equalTo(true), 1L).otherwise(0L)).as("f"))
        .orderBy("d").collectAsList();
    int[] day = new int[days.size()];
    long[] labelled = new long[days.size() + 1];
    long[] frauds = new long[days.size() + 1];
    for (int k = 0; k < days.size(); k++) {
      day[k] = days.get(k).getInt(0);
      labelled[k + 1] = labelled[k] + days.get(k).getLong(1);
      frauds[k + 1] = frauds[k] + days.get(k).getLong(2);
    }
    return new BaseRates(day, labelled, frauds);
  }

  /** Running inspections and frauds by day: {@link ProfileStore#baseRate} for data held elsewhere. */
  public record BaseRates(int[] days, long[] labelled, long[] frauds) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The fraud rate of all inspections before a date; 0 when there were none. */
    public double before(LocalDate asOf) {
      int k = Arrays.binarySearch(days, (int) asOf.toEpochDay());
      int n = k >= 0 ? k : -k - 1;
      return labelled[n] == 0 ? 0 : frauds[n] / (double) labelled[n];
    }
  }

  /** A row's profile attributes, from its tallies, as {@link ProfileStore#features(org.riskgate.core.Declaration)}. */
  public static Map<String, Double> features(Row r, LocalDate date, BaseRates base, ProfileConfig config) {
    EnumMap<PartyRole, ProfileStore.Tally> tallies = new EnumMap<>(PartyRole.class);
    for (PartyRole role : PartyRole.values()) {
      tallies.put(role, tally(r, role));
    }
    return ProfileStore.features(tallies, base.before(date), date, config);
  }
}
