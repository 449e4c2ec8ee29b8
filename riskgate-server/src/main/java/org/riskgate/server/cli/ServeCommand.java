package org.riskgate.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.riskgate.server.Platform;
import org.riskgate.server.RiskgateServer;
import org.riskgate.server.ServerConfig;
import org.riskgate.server.ServerLimits;
import org.riskgate.server.ServerLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate serve}: the analyst platform (REST API and web UI) over a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the analyst platform: REST API under /api/v1 and the web UI.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--db", paramLabel = "URL",
      description = "JDBC URL of the store, e.g. jdbc:postgresql://host/db?user=u, without its password (default: embedded H2 in the data directory).")
  String db;

  @Option(names = "--db-password-file", paramLabel = "FILE",
      description = "File holding the --db store's password (default: the RISKGATE_DB_PASSWORD environment variable).")
  Path dbPasswordFile;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded store and demo model (default: ~/.riskgate).")
  Path dataDir;

  @Option(names = "--model", paramLabel = "DIR", description = "A model bundle to register and activate (default: the active one, or the demo model trained on first start).")
  Path model;

  @Option(names = "--demo-data", paramLabel = "DIR", description = "Public data loaded into an empty store (default: the bundled copy).")
  Path demoData;

  @Option(names = "--no-demo", description = "Do not load the demo data into an empty store.")
  boolean noDemo;

  @Option(names = "--bcrypt-strength", defaultValue = "10", description = "log2 of bcrypt rounds (default: ${DEFAULT-VALUE}).")
  int bcryptStrength;

  @Option(names = "--max-upload-mb", defaultValue = "32", description = "Largest upload in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "Serve HTTPS with this PKCS#12 keystore (certificate and key); sends HSTS and marks cookies Secure."
          + " Its password comes from RISKGATE_TLS_PASSWORD or --tls-password-file, never the command line.")
  Path tlsKeystore;

  @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore's password.")
  Path tlsPasswordFile;

  @Option(names = "--secure-cookies", description = "Mark cookies Secure without --tls-keystore (behind a proxy that terminates TLS).")
  boolean secureCookies;

  @Option(names = "--earliest-date", paramLabel = "YYYY-MM-DD", defaultValue = "1990-01-01",
      description = "Refuse declarations dated before this day (default: ${DEFAULT-VALUE}).")
  java.time.LocalDate earliestDate;

  @Option(names = "--max-days-ahead", defaultValue = "1",
      description = "Refuse declarations dated more than this many days after today (default: ${DEFAULT-VALUE}).")
  int maxDaysAhead;

  @Option(names = "--max-image-megapixels", defaultValue = "40", description = "Largest document image in megapixels (default: ${DEFAULT-VALUE}).")
  long maxImageMegapixels;

  @Option(names = "--image-decoders", description = "Document images checked at once (default: as many as half the heap holds at the largest size).")
  Integer imageDecoders;

  @Option(names = "--max-concurrent", defaultValue = "64", description = "Requests handled at once (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(names = "--max-queued", defaultValue = "256", description = "Requests waiting for a slot, up to 2 s; beyond, 503 with Retry-After (default: ${DEFAULT-VALUE}).")
  int maxQueued;

  @Option(names = "--token-rate", defaultValue = "600", description = "Requests a second one API token may make; beyond, 429 with Retry-After (default: ${DEFAULT-VALUE}).")
  double tokenRate;

  @Option(names = "--token-days", defaultValue = "90", description = "Lifetime of a new API token in days, 1 to 365 (default: ${DEFAULT-VALUE}).")
  int tokenDays;

  @Option(names = "--lake", paramLabel = "DIR", description = "A declaration lake (riskgate lake import) for the analysts' SQL page.")
  Path lake;

  @Option(names = "--journal-fsync", description = "Embedded store: force each commit's journal line to the disk"
      + " before answering (survives a power failure; costs a disk flush per commit). Without it a commit is in the"
      + " operating system's hands, which survives kill -9.")
  boolean journalFsync;

  @Option(names = "--retrain-every-days", paramLabel = "DAYS", description = "Retrain a challenger from the recorded "
      + "results every DAYS days (it shadow-scores until a supervisor promotes it); default: only on demand.")
  Integer retrainEveryDays;

  /** Runs the server alone (as {@code riskgate serve} does), e.g. as a separate test process. */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new ServeCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".riskgate");
    Path log = ServerLog.toFile(dir);
    long pixels = maxImageMegapixels * 1_000_000L;
    ServerLimits d = ServerLimits.defaults(pixels);
    ServerLimits limits = new ServerLimits(maxConcurrent, maxQueued, d.queueWait(), tokenRate,
        (int) Math.max(1, Math.ceil(2 * tokenRate)), imageDecoders == null ? d.imageDecoders() : imageDecoders,
        java.time.Duration.ofDays(tokenDays), d.maxBatchRows(), d.rejectsShown());
    ServerConfig cfg = ServerConfig.defaults(dir).withPort(port).withHost(host)
        .withLimits(bcryptStrength, maxUploadMb << 20, pixels).withLimits(limits);
    if (db != null) {
      cfg = cfg.withDb(db);
    }
    Optional<String> password = StoreOptions.password(db, dbPasswordFile);
    if (password.isPresent()) {
      cfg = cfg.withDbPassword(password.get());
    }
    cfg = cfg.withDates(new org.riskgate.server.DateWindow(earliestDate, maxDaysAhead)).withSecureCookies(secureCookies);
    if (tlsKeystore != null) {
      cfg = cfg.withTls(new ServerConfig.Tls(tlsKeystore, tlsPassword()));
    }
    if (model != null) {
      cfg = cfg.withModel(model);
    }
    if (lake != null) {
      cfg = cfg.withLake(lake);
    }
    cfg = cfg.withSyncJournal(journalFsync);
    Optional<Path> data = noDemo ? Optional.empty() : Optional.ofNullable(demoData).or(ServeCommand::bundledData);
    if (data.isPresent()) {
      cfg = cfg.withDemoData(data.get());
    }
    Platform platform = Platform.open(cfg, System.out);
    if (retrainEveryDays != null) {
      platform.challengers().retrainEvery(java.time.Duration.ofDays(retrainEveryDays),
          () -> platform.decisions().config().bundle().id());
    }
    RiskgateServer server = RiskgateServer.start(platform);
    String serving = "serving " + (cfg.tls().isPresent() ? "https" : "http") + "://" + host + ":" + server.port()
        + "/  (store: " + org.riskgate.server.store.Database.redact(cfg.storeUrl()) + "; log: " + log + ")";
    System.out.println("riskgate: " + serving);
    org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("{}; limits: {}", serving, limits);
    System.out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      platform.close();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }

  private String tlsPassword() throws java.io.IOException {
    if (tlsPasswordFile != null) {
      return Files.readString(tlsPasswordFile).strip();
    }
    String env = System.getenv("RISKGATE_TLS_PASSWORD");
    if (env == null) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--tls-keystore needs its password in RISKGATE_TLS_PASSWORD or --tls-password-file");
    }
    return env;
  }

  /** The public data shipped with riskgate: under the install home, or the source tree. */
  static Optional<Path> bundledData() {
    String home = System.getProperty("riskgate.home");
    for (Path p : new Path[] {home == null ? null : Path.of(home, "data", "customs"), Path.of("data", "customs"),
        Path.of("..", "data", "customs")}) {
      if (p != null && Files.isRegularFile(p.resolve("df_syn_train_eng.csv"))) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }
}
