package org.riskgate.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Where a command stages CSV input as Parquet for the executors to read, removed when the command
 * ends. By default a temporary directory on the driver, which only executors on the driver's
 * machine see (local mode, a cluster on one host); with {@code --staging DIR|URI}, a fresh
 * directory under storage every executor reads ({@code hdfs://...}, {@code s3a://...}, a shared
 * mount), written and removed through Hadoop's file system API as Spark writes it.
 */
final class Staging implements AutoCloseable {
  private final SparkSession spark;
  private final String root;
  private final Path local;

  private Staging(SparkSession spark, String root, Path local) {
    this.spark = spark;
    this.root = root;
    this.local = local;
  }

  /** A staging area under {@code base}, or in a local temporary directory when {@code base} is null. */
  static Staging at(SparkSession spark, String base) throws IOException {
    if (base == null) {
      Path dir = Files.createTempDirectory("riskgate-spark-");
      return new Staging(spark, dir.toString(), dir);
    }
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return new Staging(spark, trimmed + "/riskgate-staging-" + UUID.randomUUID(), null);
  }

  /** The location of one input's staged files. */
  String location(String name) {
    return root + "/" + name;
  }

  @Override
  public void close() throws IOException {
    if (local != null) {
      SparkMain.deleteTree(local);
      return;
    }
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root);
    FileSystem fs = FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration());
    fs.delete(dir, true);
  }
}
