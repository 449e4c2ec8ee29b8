package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.RuleSet;

/**
 * A real cluster: a Spark standalone master and two workers on 127.0.0.1, each its own JVM, run
 * from the Spark installation the build lays out (target/spark-home); the job jar is submitted to
 * it with spark-submit's own class (SparkSubmit), and its decisions are checked against the
 * single-machine scorer's. Everything it started is stopped afterwards.
 */
class StandaloneClusterIT {
  private static final Path SPARK_HOME = Path.of(System.getProperty("riskgate.spark.home", "target/spark-home"));
  private static final Path JOB_JAR = Path.of(System.getProperty("riskgate.spark.jobJar", "target/riskgate-spark-0.1.0-SNAPSHOT-job.jar"));
  private static final List<Process> started = new ArrayList<>();
  private static Path work;
  private static String master;
  private static int masterUi;

  @BeforeAll
  static void startCluster() throws Exception {
    work = Files.createTempDirectory("riskgate-cluster-");
    int port = freePort();
    masterUi = freePort();
    master = "spark://127.0.0.1:" + port;
    started.add(start("master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(masterUi)));
    waitFor("the master", () -> json().contains("\"status\" : \"ALIVE\"") || json().contains("\"status\":\"ALIVE\""));
    for (int i = 1; i <= 2; i++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + i));
      started.add(start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
          "--work-dir", dir.toString(), master));
    }
    waitFor("two workers", () -> json().replace(" ", "").contains("\"aliveworkers\":2"));
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void theJobJarSubmittedToAStandaloneClusterScoresAsOneMachineDoes() throws Exception {
    Path bundle = LocalSpark.singleMachineBundle();
    Path out = work.resolve("decisions.parquet");
    Process submit = start("submit", "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--deploy-mode", "client", "--executor-memory", "512m", "--total-executor-cores", "2",
        "--class", "org.riskgate.spark.SparkMain", JOB_JAR.toAbsolutePath().toString(),
        "score", "--model", bundle.toString(), "--input", LocalSpark.VALID.toAbsolutePath().toString(),
        "--output", out.toString(), "--random-share", "1", "--staging", work.resolve("shared-staging").toUri().toString(),
        // evidence as well: profile tallies and network sums on the executors, networks shipped to them
        "--history", LocalSpark.TRAIN.toAbsolutePath().toString(), "--network", "--hs-check");
    assertThat(submit.waitFor()).as("spark-submit exit code; see " + work.resolve("submit.log")).isZero();
    String log = Files.readString(work.resolve("submit.log"));
    assertThat(log).contains("scored 8,134 declarations").contains("decisions: " + out);
    // the inputs were staged where --staging said, and removed at the end
    try (var staged = Files.list(work.resolve("shared-staging"))) {
      assertThat(staged).isEmpty();
    }
    // the work ran on the workers' executors, not in the driver
    assertThat(Files.list(work.resolve("worker-1")).count() + Files.list(work.resolve("worker-2")).count()).isPositive();

    Map<String, Decision> single = new HashMap<>();
    List<org.riskgate.core.Declaration> past = LocalSpark.read(LocalSpark.TRAIN);
    var evidence = org.riskgate.core.evidence.EvidenceSource.all(List.of(
        new org.riskgate.profiles.ProfileEvidence(org.riskgate.profiles.ProfileStore.build(past,
            org.riskgate.profiles.ProfileConfig.defaults())::features),
        new org.riskgate.profiles.network.NetworkEvidence(org.riskgate.profiles.network.NetworkFeatures.monthly(past,
            org.riskgate.profiles.network.NetworkConfig.defaults())),
        new org.riskgate.hs.HsEvidence(org.riskgate.hs.HsToolkit.builtIn())));
    new BatchScorer(ModelBundle.load(bundle), RuleSet.NONE, evidence,
        new BatchScorer.Options(Capacity.parse("red=3,yellow=7", 1, false), 20210101L, 3, 200_000, Objective.FRAUDS))
        .score(LocalSpark.read(LocalSpark.VALID).iterator(), (d, dec) -> single.put(d.id(), dec), n -> { });
    List<Row> rows = LocalSpark.spark().read().parquet(out.toString()).collectAsList();
    assertThat(rows).hasSize(single.size());
    for (Row r : rows) {
      Decision d = single.get(r.getString(r.fieldIndex("declaration_id")));
      assertThat(r.getDouble(r.fieldIndex("model_score"))).isCloseTo(d.modelScore(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.getString(r.fieldIndex("lane"))).isEqualTo(d.lane().label());
      assertThat(r.getBoolean(r.fieldIndex("random_pick"))).isEqualTo(d.randomPick());
      assertThat(r.getString(r.fieldIndex("reasons"))).isEqualTo(d.reasonsText());
    }
    assertThat(single.values()).anyMatch(d -> d.reasonsText().contains("fraud found in"));
  }

  @Test
  void theJobJarProfilesEveryPartyOnTheClusterAsOneMachineDoes() throws Exception {
    Path out = work.resolve("profiles.parquet");
    List<org.riskgate.core.Declaration> valid = LocalSpark.read(LocalSpark.VALID);
    String importer = valid.get(0).importerId();
    Process submit = start("submit-profiles", "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--deploy-mode", "client", "--executor-memory", "512m", "--total-executor-cores", "2",
        "--class", "org.riskgate.spark.SparkMain", JOB_JAR.toAbsolutePath().toString(),
        "profiles", "--data", LocalSpark.VALID.toAbsolutePath().toString(), "--as-of", "2021-03-01",
        "--output", out.toString(), "--party", importer);
    assertThat(submit.waitFor()).as("spark-submit exit code; see " + work.resolve("submit-profiles.log")).isZero();
    String log = Files.readString(work.resolve("submit-profiles.log"));
    assertThat(log).contains("importer " + importer + " as of 2021-03-01").contains("profiles: " + out);

    var store = org.riskgate.profiles.ProfileStore.build(valid, org.riskgate.profiles.ProfileConfig.defaults());
    java.time.LocalDate asOf = java.time.LocalDate.of(2021, 3, 1);
    List<Row> rows = LocalSpark.spark().read().parquet(out.toString()).collectAsList();
    long expected = 0;
    for (var role : org.riskgate.profiles.PartyRole.values()) {
      expected += store.parties(role).stream().filter(p -> store.profile(role, p, asOf).isPresent()).count();
    }
    assertThat(rows).hasSize((int) expected);
    for (Row r : rows) {
      var a = SparkProfiles.toProfile(r);
      var e = store.profile(a.role(), a.partyId(), asOf).orElseThrow();
      assertThat(a.declarations()).isEqualTo(e.declarations());
      assertThat(a.frauds()).isEqualTo(e.frauds());
      assertThat(a.riskScore()).isCloseTo(e.riskScore(), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void theJobJarFitsXGBoostAcrossTheTwoWorkersIntoABundleThatScores() throws Exception {
    Path model = work.resolve("cluster-model");
    long apps1 = Files.list(work.resolve("worker-1")).count();
    long apps2 = Files.list(work.resolve("worker-2")).count();
    Process submit = start("submit-train", "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--deploy-mode", "client", "--executor-memory", "512m", "--total-executor-cores", "2",
        "--class", "org.riskgate.spark.SparkMain", JOB_JAR.toAbsolutePath().toString(),
        "train", "--train", LocalSpark.TRAIN.toAbsolutePath().toString(), "--from", "2020-01-01", "--to", "2020-06-30",
        "--no-blend", "--fit", "cluster", "--workers", "2", "--model", model.toString());
    assertThat(submit.waitFor()).as("spark-submit exit code; see " + work.resolve("submit-train.log")).isZero();

    ModelBundle loaded = ModelBundle.load(model);
    ModelBundle single = ModelBundle.load(LocalSpark.singleMachineBundle());
    assertThat(loaded.provenance().parameters()).containsEntry("fit", "cluster").containsEntry("workers", "2");
    assertThat(loaded.provenance().trainingRows()).isEqualTo(single.provenance().trainingRows());
    // one executor on each worker (one core each), one xgboost worker per executor
    assertThat(Files.list(work.resolve("worker-1")).count()).isEqualTo(apps1 + 1);
    assertThat(Files.list(work.resolve("worker-2")).count()).isEqualTo(apps2 + 1);
    // a model that learnt: 2021Q1 ranked far better than chance (one machine's fit of the half year: about 0.9)
    assertThat(SparkTrainingTest.auc(loaded, LocalSpark.read(LocalSpark.VALID)))
        .isGreaterThan(0.8);
  }

  /** A JVM on Spark's own jars (and its module options), logging into the work directory. */
  private static Process start(String name, String main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-cp");
    cmd.add(SPARK_HOME.resolve("jars").toAbsolutePath() + "/*");
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", SPARK_HOME.toAbsolutePath().toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // what Spark's own scripts (load-spark-env.sh) tell a worker building an executor's command
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_WORKER_DIR", work.toString());
    return pb.start();
  }

  private static String json() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(String what, Check check) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + " did not come up in 120 s; logs in " + work);
      }
      Thread.sleep(500);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
