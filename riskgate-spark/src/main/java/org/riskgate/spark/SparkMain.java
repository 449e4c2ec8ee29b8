package org.riskgate.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.core.Period;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.RejectFile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.cli.ProfileCommand;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.selectivity.watch.Watchlists;
import org.riskgate.risk.xgboost.XGBoostTrainer;
import org.riskgate.selectivity.Capacity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code riskgate spark}: train and score on Apache Spark, with the options of the single-machine
 * commands. Also the job jar's main class for {@code spark-submit}.
 */
@Command(name = "riskgate spark", mixinStandardHelpOptions = true, version = "riskgate 0.1.0",
    description = "Train, score and profile parties on Apache Spark (local[N], a standalone cluster, YARN or Kubernetes).",
    subcommands = {SparkMain.Train.class, SparkMain.Score.class, SparkMain.Profiles.class})
public final class SparkMain implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; errors are one message, never a stack trace. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new SparkMain());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Throwable t = e;
      while ((t instanceof java.io.UncheckedIOException || t instanceof org.apache.spark.SparkException)
          && t.getCause() != null) {
        t = t.getCause();
      }
      cmd.getErr().println("error: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Where the job runs and how its input is read: shared by every subcommand. */
  static final class Job {
    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master: local[2] (the default, unless spark-submit gave one), spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. spark.executor.memory=4g (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--columns", paramLabel = "FILE",
        description = "Column mapping (properties: field_key = Header Name) for CSV files whose headers differ from the defaults.")
    Path columns;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day to read (included).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to read (included).")
    LocalDate to;

    @Option(names = "--staging", paramLabel = "DIR|URI",
        description = "Where CSV input is staged as Parquet for the executors: storage every executor reads (hdfs://..., "
            + "s3a://..., a shared mount); removed at the end. Default: a temporary directory on the driver, "
            + "which only executors on the driver's machine see.")
    String staging;

    Staging staging(SparkSession spark) throws IOException {
      return Staging.at(spark, staging);
    }

    SparkSession start(String app) {
      String m = master != null ? master : System.getProperty("spark.master", "local[2]");
      return SparkSessions.start(m, app, conf);
    }

    ColumnMapping mapping() throws IOException {
      return columns == null ? ColumnMapping.defaults() : ColumnMapping.fromFile(columns);
    }

    Period period() {
      return Period.of(from, to);
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train the risk model with the point-in-time features computed on Spark; writes the same model bundle as riskgate train.")
  static final class Train implements Callable<Integer> {
    @Option(names = {"--train", "--input"}, required = true, paramLabel = "TRAIN.csv|LAKE|FILE.parquet",
        description = "Labelled declarations of the past: a CSV file, a declaration lake or Parquet.")
    String train;

    @Option(names = "--valid", paramLabel = "VALID.csv|LAKE",
        description = "A later labelled period for early stopping. Without it, the latest 15 %% of the training period is held out.")
    String valid;

    @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD", description = "First day of --valid to read.")
    LocalDate validFrom;

    @Option(names = "--valid-to", paramLabel = "YYYY-MM-DD", description = "Last day of --valid to read.")
    LocalDate validTo;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Where to write the model bundle.")
    Path model;

    @Option(names = "--features", paramLabel = "SET", defaultValue = "declaration",
        description = "What the XGBoost model learns from with --no-blend: declaration (the default) or all.")
    FeatureSet features;

    @Option(names = "--blend", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "The default blend of XGBoost and a small forest, as riskgate train; --no-blend trains XGBoost alone, on --features.")
    boolean blend;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "" + BlendTrainer.SAMPLE_ROWS,
        description = "With --fit driver, as riskgate train: the boosted trees learn from a random sample of at most N "
            + "labelled rows, the blend's forest from N / 2 (default: ${DEFAULT-VALUE}); every row feeds the history features. "
            + "--fit cluster learns from every labelled row.")
    int sampleRows;

    @Option(names = "--fit", paramLabel = "driver|cluster", defaultValue = "driver",
        description = "Where the model is fitted: driver (riskgate's trainers on the driver, from at most the rows `riskgate train` samples; the default) "
            + "or cluster (XGBoost on the executors with xgboost4j-spark, from every labelled row; needs --no-blend).")
    String fit;

    @Option(names = "--workers", paramLabel = "N",
        description = "xgboost workers for --fit cluster, one Spark task each, all running at once (default: the cluster's task slots: N of local[N], else spark.cores.max or the executors' instances × cores).")
    Integer workers;

    @Mixin Job job;

    @Override
    public Integer call() throws Exception {
      if (!fit.equals("driver") && !fit.equals("cluster")) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--fit must be driver or cluster, not '" + fit + "'");
      }
      if (fit.equals("cluster") && blend) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--fit cluster fits XGBoost alone: add --no-blend (the blend's forest and cascade are fitted on the driver)");
      }
      if (sampleRows < 2) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--sample-rows: the sample needs at least 2 rows, not " + sampleRows);
      }
      if (workers != null && workers < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--workers must be at least 1");
      }
      Files.createDirectories(model);
      SparkSession spark = job.start("riskgate train");
      try (Staging staging = job.staging(spark);
          RejectFile rejects = new RejectFile(model.resolve(Path.of(train).getFileName() + ".rejects.csv"))) {
        Dataset<Row> rows = DeclarationInput.read(spark, train, job.mapping(), job.period(), rejects,
            staging.location("train"));
        Optional<Dataset<Row>> later = Optional.empty();
        if (valid != null) {
          later = Optional.of(DeclarationInput.read(spark, valid, job.mapping(), Period.of(validFrom, validTo),
              rejects, staging.location("valid")));
        }
        Trainer trainer = blend ? new BlendTrainer(XGBoostOptions.DEFAULT, sampleRows)
            : new XGBoostTrainer(XGBoostOptions.DEFAULT, sampleRows);
        long t0 = System.nanoTime();
        RiskTraining.Source source = new RiskTraining.Source(Path.of(train), rejects.count(),
            Optional.ofNullable(valid).map(Path::of));
        ModelBundle bundle = fit.equals("cluster")
            ? SparkXGBoost.train(spark, SparkFeatures.walk(spark, rows), later, XGBoostOptions.DEFAULT, features,
                workers != null ? workers : SparkXGBoost.slots(spark), source)
            : SparkTraining.train(spark, rows, later, trainer, blend ? FeatureSet.ALL : features, source);
        bundle.save(model);
        System.out.printf(Locale.ROOT, "%s: %,d labelled declarations (%s), %,d rejected%n", train,
            bundle.provenance().trainingRows(), job.period().isAll() ? "all dates" : job.period(), rejects.count());
        System.out.printf(Locale.ROOT, "%-14s trained in %5.1f s on %s -> %s%n", trainer.name(),
            (System.nanoTime() - t0) / 1e9, spark.sparkContext().master(), model);
        return 0;
      } finally {
        spark.stop();
      }
    }
  }

  @Command(name = "score", mixinStandardHelpOptions = true,
      description = "Score declarations into red / yellow / green lanes under each day's capacity, with reasons, on Spark.")
  static final class Score implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "IN.csv|LAKE|FILE.parquet",
        description = "Declarations to score: a CSV file, a declaration lake or Parquet (outcomes, if any, are ignored).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "OUT",
        description = "Decisions, one row per readable input row: a directory of CSV part files (with a header), or of Parquet when OUT ends in .parquet.")
    String output;

    @Option(names = "--capacity", defaultValue = "red=3,yellow=7", paramLabel = "red=P,yellow=P",
        description = "Shares of each day's declarations for the red and yellow lanes, in %% (default: ${DEFAULT-VALUE}).")
    String capacity;

    @Option(names = "--random-share", defaultValue = "0", paramLabel = "P",
        description = "%% of declarations picked at random for inspection, out of the red share (default: ${DEFAULT-VALUE}).")
    double randomShare;

    @Option(names = "--per-office", description = "Apply the capacity per office and day instead of per day.")
    boolean perOffice;

    @Option(names = "--rules", paramLabel = "FILE", description = "Analysts' selectivity rules, applied beside the model.")
    Path rules;

    @Option(names = "--history", paramLabel = "LABELLED",
        description = "Past declarations with outcomes (CSV, Parquet or lake, read up to --to): party profiles from it "
            + "(importer.hit_rate ...), as of each declaration's date and summed on the cluster, become attributes rules can test.")
    String history;

    @Option(names = "--network",
        description = "With --history: trader-network figures (net.declarant_new_importers ...) as of each declaration's month, "
            + "and network reasons; the network is summed on the cluster and built on the driver.")
    boolean network;

    @Option(names = "--hs-check", description = "Check each declared HS code against HS 2022 and its description "
        + "(hs.not_in_nomenclature, hs.mismatch ...), as riskgate score --hs-check does.")
    boolean hsCheck;

    @Option(names = "--documents", paramLabel = "REPORTS.jsonl",
        description = "Document checks: one JSON line per page, as 'riskgate docs verify --json' prints it plus a declaration_id: "
            + "docs.suspicious, docs.worst_similarity ... and documents reasons, as riskgate score --documents gives them.")
    Path documents;

    @Option(names = "--watchlists", paramLabel = "LISTS.csv",
        description = "Supervisors' watchlists, lines watchlist,kind,entry: rules test them with 'FIELD in watchlist \"NAME\"', "
            + "and listed declarations carry watchlist reasons.")
    Path watchlists;

    @Option(names = "--objective", defaultValue = "frauds", paramLabel = "frauds|revenue",
        description = "What the capacity is spent on: frauds (the default) or revenue.")
    Objective objective;

    @Option(names = "--seed", defaultValue = "20210101", description = "Seed of the random picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin Job job;

    @Override
    public Integer call() throws Exception {
      Capacity cap = Capacity.parse(capacity, randomShare, perOffice);
      ModelBundle.load(model); // a bad bundle is reported before any Spark work
      Watchlists lists = watchlists == null ? Watchlists.NONE : Watchlists.read(watchlists);
      if (rules != null) {
        org.riskgate.selectivity.rules.Rules.load(rules, lists);
      }
      if (network && history == null) {
        throw new IllegalArgumentException("--network needs --history: the network is built from past declarations");
      }
      SparkSession spark = job.start("riskgate score");
      Path rejectsAt = output.contains("://") ? Path.of(System.getProperty("java.io.tmpdir"), "decisions")
          : Path.of(output);
      try (Staging staging = job.staging(spark); RejectFile rejects = RejectFile.beside(rejectsAt)) {
        Dataset<Row> rows = DeclarationInput.read(spark, input, job.mapping(), job.period(), rejects,
            staging.location("input"));
        Optional<Dataset<Row>> past = Optional.empty();
        if (history != null) {
          // profiles are point-in-time: what is dated after the scored period cannot matter
          past = Optional.of(DeclarationInput.read(spark, history, job.mapping(), new Period(Optional.empty(),
              job.period().to()), rejects, staging.location("history")));
        }
        Dataset<Row> decisions = SparkScoring.score(spark, rows, model, Optional.ofNullable(rules),
            new SparkScoring.Settings(cap, seed, 3, objective),
            new SparkScoring.EvidenceOptions(past, network, hsCheck, Optional.ofNullable(documents), lists)).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> out = decisions.drop(DeclarationRows.SEQ);
        if (output.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
          out.write().mode(SaveMode.Overwrite).parquet(output);
        } else {
          out.write().mode(SaveMode.Overwrite).option("header", "true").csv(output);
        }
        Map<String, Long> lanes = new LinkedHashMap<>();
        for (Row r : decisions.groupBy("lane").count().collectAsList()) {
          lanes.put(r.getString(0), r.getLong(1));
        }
        long picks = decisions.where("random_pick").count();
        System.out.printf(Locale.ROOT, "scored %,d declarations: red %,d, yellow %,d, green %,d (random picks %,d)%n",
            lanes.values().stream().mapToLong(Long::longValue).sum(), lanes.getOrDefault("red", 0L),
            lanes.getOrDefault("yellow", 0L), lanes.getOrDefault("green", 0L), picks);
        if (rejects.count() > 0) {
          System.out.printf(Locale.ROOT, "rejected %,d rows: see %s (first: %s)%n", rejects.count(), rejects.path(),
              rejects.first().get(0).describe());
        }
        System.out.println("decisions: " + output);
        return 0;
      } finally {
        spark.stop();
      }
    }
  }

  @Command(name = "profiles", mixinStandardHelpOptions = true,
      description = "Every party's profile as of a date, computed on Spark (the figures of riskgate profile): "
          + "one row per role and party, and one party's profile printed as riskgate profile prints it.")
  static final class Profiles implements Callable<Integer> {
    @Option(names = {"--data", "--input"}, required = true, paramLabel = "FILE|LAKE",
        description = "Declarations: a CSV file, a declaration lake or Parquet.")
    String data;

    @Option(names = "--as-of", paramLabel = "DATE",
        description = "Profiles as of this day (declarations strictly before it). Default: the day after the input's last date.")
    LocalDate asOf;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only this role: ${COMPLETION-CANDIDATES}.")
    PartyRole role;

    @Option(names = "--party", paramLabel = "ID", description = "Print this party's profile (in each role it plays).")
    String party;

    @Option(names = "--output", paramLabel = "OUT",
        description = "Write every profile: a directory of CSV part files (with a header), or of Parquet when OUT ends in .parquet.")
    String output;

    @Mixin Job job;

    @Override
    public Integer call() throws Exception {
      if (party == null && output == null) {
        throw new CommandLine.ParameterException(new CommandLine(this), "give --party ID, --output OUT or both");
      }
      SparkSession spark = job.start("riskgate profiles");
      Path rejectsAt = output == null || output.contains("://") ? Path.of(System.getProperty("java.io.tmpdir"), "profiles")
          : Path.of(output);
      try (Staging staging = job.staging(spark); RejectFile rejects = RejectFile.beside(rejectsAt)) {
        Dataset<Row> rows = DeclarationInput.read(spark, data, job.mapping(), job.period(), rejects,
            staging.location("input"));
        LocalDate when = asOf != null ? asOf : dayAfterLast(rows);
        List<PartyRole> roles = role != null ? List.of(role) : List.of(PartyRole.values());
        Dataset<Row> profiles = SparkProfiles.profiles(rows, when, ProfileConfig.defaults(), roles)
            .persist(StorageLevel.MEMORY_AND_DISK());
        if (output != null) {
          if (output.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            profiles.write().mode(SaveMode.Overwrite).parquet(output);
          } else {
            SparkProfiles.flat(profiles).write().mode(SaveMode.Overwrite).option("header", "true").csv(output);
          }
          for (Row r : profiles.groupBy("role").count().orderBy("role").collectAsList()) {
            System.out.printf(Locale.ROOT, "%-10s %,d parties as of %s%n", r.getString(0), r.getLong(1), when);
          }
          System.out.println("profiles: " + output);
        }
        int shown = 0;
        if (party != null) {
          PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
          for (Row r : profiles.where(org.apache.spark.sql.functions.col("party_id").equalTo(party)).collectAsList()) {
            ProfileCommand.print(out, SparkProfiles.toProfile(r));
            shown++;
          }
          if (shown == 0) {
            System.err.println("error: no party '" + party + "' with a declaration before " + when + " in " + data);
          }
        }
        if (rejects.count() > 0) {
          System.out.printf(Locale.ROOT, "rejected %,d rows: see %s (first: %s)%n", rejects.count(), rejects.path(),
              rejects.first().get(0).describe());
        }
        return party != null && shown == 0 ? 2 : 0;
      } finally {
        spark.stop();
      }
    }

    private static LocalDate dayAfterLast(Dataset<Row> rows) {
      Row r = rows.agg(org.apache.spark.sql.functions.max(org.riskgate.core.Field.DATE.key())).first();
      if (r.isNullAt(0)) {
        throw new IllegalArgumentException("no declarations to profile");
      }
      return r.<LocalDate>getAs(0).plusDays(1);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
