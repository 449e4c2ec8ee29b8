package org.riskgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.riskgate.core.Field;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.TraderNetwork;

/**
 * The trader network on Spark: the sums a network is made of ({@link TraderNetwork.Parts}: each
 * party's inspections, frauds, decayed frauds and first appearance; each link's decayed weight)
 * are aggregated by Spark from the declarations before the network's date, and only those sums
 * reach the driver, which builds the network with the single machine's own code (PageRank,
 * communities, rings). The declarations never leave the cluster; the driver holds one row per
 * party and per link, as many as the network has, whatever the number of declarations behind them.
 */
public final class SparkNetwork {
  private SparkNetwork() {}

  /**
   * The networks of the months {@code rows} fall in, each as of its month's first day (as
   * {@link org.riskgate.profiles.network.NetworkFeatures#monthly} takes them), from {@code history}
   * (rows of {@link DeclarationRows#schema()}, whose {@value DeclarationRows#SEQ} orders parties as a file does).
   */
  public static Map<LocalDate, TraderNetwork> monthly(Dataset<Row> rows, Dataset<Row> history, NetworkConfig config) {
    Map<LocalDate, TraderNetwork> out = new TreeMap<>();
    for (Row r : rows.select(expr("trunc(" + Field.DATE.key() + ", 'MM')")).distinct().collectAsList()) {
      LocalDate month = r.getLocalDate(0);
      out.put(month, TraderNetwork.of(parts(history, month, config), month, config));
    }
    return out;
  }

  /** What {@link TraderNetwork#parts} sums on one machine, summed on Spark. */
  public static TraderNetwork.Parts parts(Dataset<Row> history, LocalDate asOf, NetworkConfig config) {
    double lambda = Math.log(2) / config.halfLifeDays();
    int t = (int) asOf.toEpochDay();
    Dataset<Row> h = history.withColumn("rg_day", expr("unix_date(" + Field.DATE.key() + ")"))
        .where(col("rg_day").lt(t))
        .withColumn("rg_l", when(col(Field.FRAUD.key()).isNotNull(), 1L).otherwise(0L))
        .withColumn("rg_f", when(col(Field.FRAUD.key()).equalTo(true), 1L).otherwise(0L))
        .withColumn("rg_w", exp(lit(-lambda).multiply(lit(t).minus(col("rg_day")))))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      Row totals = h.agg(sum("rg_l"), sum("rg_f")).first();
      Dataset<Row> nodes = null;
      for (PartyRole role : PartyRole.values()) {
        Column party = col(role.field().key());
        Dataset<Row> n = h.where(party.notEqual("")).select(lit(role.ordinal()).as("role"), party.as("party"),
            col("rg_day"), col("rg_l"), col("rg_f"), col("rg_f").multiply(col("rg_w")).as("seed"),
            col(DeclarationRows.SEQ));
        nodes = nodes == null ? n : nodes.unionAll(n);
      }
      List<Row> ns = nodes.groupBy("role", "party").agg(min("rg_day"), sum("rg_l"), sum("rg_f"), sum("seed"),
          min(DeclarationRows.SEQ).as("first_seq")).collectAsList();
      // a party's number is its first appearance, in file order and, within a row, role order
      List<Row> ordered = new ArrayList<>(ns);
      ordered.sort(Comparator.comparingLong((Row r) -> r.getLong(6)).thenComparingInt(r -> r.getInt(0)));
      int size = ordered.size();
      int[] role = new int[size];
      String[] party = new String[size];
      int[] first = new int[size];
      long[] inspected = new long[size];
      long[] frauds = new long[size];
      double[] seed = new double[size];
      Map<String, Integer> ids = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        Row r = ordered.get(i);
        role[i] = r.getInt(0);
        party[i] = r.getString(1);
        first[i] = r.getInt(2);
        inspected[i] = r.getLong(3);
        frauds[i] = r.getLong(4);
        seed[i] = r.getDouble(5);
        ids.put(role[i] + party[i], i);
      }
      Dataset<Row> links = null;
      for (List<PartyRole> pair : TraderNetwork.LINKS) {
        Column a = col(pair.get(0).field().key());
        Column b = col(pair.get(1).field().key());
        Dataset<Row> l = h.where(a.notEqual("").and(b.notEqual(""))).select(lit(pair.get(0).ordinal()).as("ra"),
            a.as("pa"), lit(pair.get(1).ordinal()).as("rb"), b.as("pb"), col("rg_w"));
        links = links == null ? l : links.unionAll(l);
      }
      List<Row> ls = links.groupBy("ra", "pa", "rb", "pb").agg(sum("rg_w")).collectAsList();
      long[] keys = new long[ls.size()];
      double[] weights = new double[ls.size()];
      for (int k = 0; k < ls.size(); k++) {
        Row r = ls.get(k);
        keys[k] = TraderNetwork.Parts.link(ids.get(r.getInt(0) + r.getString(1)), ids.get(r.getInt(2) + r.getString(3)));
        weights[k] = r.getDouble(4);
      }
      return new TraderNetwork.Parts(role, party, first, inspected, frauds, seed, keys, weights,
          totals.isNullAt(0) ? 0 : totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1));
    } finally {
      h.unpersist();
    }
  }
}
