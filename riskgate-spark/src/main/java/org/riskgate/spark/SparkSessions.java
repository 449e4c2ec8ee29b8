package org.riskgate.spark;

import java.net.URI;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session every riskgate job runs in. A driver whose cluster is this machine
 * (local[N], or a standalone master on 127.0.0.1) binds to the loopback address: left alone,
 * Spark picks the first network interface, which may not accept connections at all.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for {@code master} (local[2], spark://host:port, yarn, k8s://...); {@code conf}
   * adds or overrides Spark settings (spark-submit's own --conf are kept too).
   */
  public static SparkSession start(String master, String appName, Map<String, String> conf) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        // dates as java.time.LocalDate, and whole days in UTC whatever the machine's zone
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        // month=2021-01 is a name, not a date to guess
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false");
    if (!master.isEmpty()) {
      b.master(master);
    }
    if (onThisMachine(master)) {
      b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          // a few cores: Spark's 200 shuffle partitions would be 200 tiny tasks per step
          .config("spark.sql.shuffle.partitions", "8")
          .config("spark.default.parallelism", "8");
    }
    conf.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** Whether the master runs on this machine: local[...] or a master on the loopback address. */
  static boolean onThisMachine(String master) {
    if (master.startsWith("local")) {
      return true;
    }
    if (master.startsWith("spark://")) {
      String host = URI.create(master).getHost();
      return "127.0.0.1".equals(host) || "localhost".equals(host);
    }
    return false;
  }
}
