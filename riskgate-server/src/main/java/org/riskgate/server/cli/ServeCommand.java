package org.riskgate.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.riskgate.server.Platform;
import org.riskgate.server.RiskgateServer;
import org.riskgate.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate serve}: the analyst platform (REST API and web UI) over a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the analyst platform: REST API under /api/v1 and the web UI.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--db", paramLabel = "URL",
      description = "JDBC URL of the store, e.g. jdbc:postgresql://host/db?user=u&password=p (default: embedded H2 in the data directory).")
  String db;

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

  @Option(names = "--lake", paramLabel = "DIR", description = "A declaration lake (riskgate lake import) for the analysts' SQL page.")
  Path lake;

  /** Runs the server alone (as {@code riskgate serve} does), e.g. as a separate test process. */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new ServeCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".riskgate");
    ServerConfig cfg = ServerConfig.defaults(dir).withPort(port).withHost(host)
        .withLimits(bcryptStrength, maxUploadMb << 20, 40_000_000L);
    if (db != null) {
      cfg = cfg.withDb(db);
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
    Optional<Path> data = noDemo ? Optional.empty() : Optional.ofNullable(demoData).or(ServeCommand::bundledData);
    if (data.isPresent()) {
      cfg = cfg.withDemoData(data.get());
    }
    Platform platform = Platform.open(cfg, System.out);
    RiskgateServer server = RiskgateServer.start(platform);
    System.out.println("riskgate: serving " + (cfg.tls().isPresent() ? "https" : "http") + "://" + host + ":" + server.port() + "/  (store: "
        + org.riskgate.server.store.Database.redact(cfg.storeUrl()) + ")");
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
