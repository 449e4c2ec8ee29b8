package org.riskgate.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the server.
 *
 * @param dbUrl JDBC URL of the store; empty for an embedded H2 file store in {@code dataDir}
 * @param host interface to listen on
 * @param port TCP port (0 picks a free one)
 * @param dataDir where the embedded store and the trained demo model live
 * @param model a model bundle to register and activate; empty to keep the active one, or to train
 *     the demo bundle on first start
 * @param demoData folder with the public demo data, loaded and scored into an empty store
 * @param bcryptStrength log2 of bcrypt rounds
 * @param maxUploadBytes largest request body accepted (CSV batches, document images)
 * @param maxImagePixels largest document image accepted, in pixels
 * @param dates the declaration dates accepted at every entry
 * @param tls serve HTTPS with this keystore (and send HSTS); empty for plain HTTP
 * @param secureCookies mark the session cookie {@code Secure}: on with TLS, and behind a proxy
 *     that terminates TLS
 * @param limits admission control, rate limits and the bounds of uploads
 * @param dbPassword the password of the {@code dbUrl} store, kept out of the URL (and so out of
 *     {@code ps}); the embedded store has a generated one in the data directory instead
 * @param lake the declaration lake the analysts' SQL page reads; empty when the server has none
 * @param syncJournal the embedded store forces each commit's journal line to the disk before it
 *     answers ({@code --journal-fsync}); otherwise a commit is in the operating system's hands
 */
public record ServerConfig(
    Optional<String> dbUrl, String host, int port, Path dataDir, Optional<Path> model,
    Optional<Path> demoData, int bcryptStrength, long maxUploadBytes, long maxImagePixels, DateWindow dates,
    Optional<Tls> tls, boolean secureCookies, ServerLimits limits, Optional<String> dbPassword,
    Optional<Path> lake, boolean syncJournal) {

  /**
   * A PKCS#12 (or JKS) keystore holding the server's certificate and key.
   *
   * @param password the keystore's password, read from the environment or a file, never from the
   *     command line (where {@code ps} would show it)
   */
  public record Tls(Path keystore, String password) {
    public Tls {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + ", password=***]";
    }
  }

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(dates, "dates");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(lake, "lake");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (bcryptStrength < 4 || bcryptStrength > 31) {
      throw new IllegalArgumentException("bcrypt strength must be 4..31");
    }
    if (maxUploadBytes < 1024 || maxImagePixels < 1) {
      throw new IllegalArgumentException("upload limits must be positive (at least 1 KiB)");
    }
  }

  /** Defaults: embedded store, port 8080 on loopback, 32 MiB uploads, 40 megapixel images. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(Optional.empty(), "127.0.0.1", 8080, dataDir, Optional.empty(), Optional.empty(),
        10, 32L << 20, 40_000_000L, DateWindow.defaults(), Optional.empty(), false,
        ServerLimits.defaults(40_000_000L), Optional.empty(), Optional.empty(), false);
  }

  /** The store URL: the given one, or an H2 file in the data directory. */
  public String storeUrl() {
    return dbUrl.orElse(org.riskgate.server.store.DataDirectory.embeddedUrl(dataDir));
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(dbUrl, host, p, dataDir, model, demoData, bcryptStrength, maxUploadBytes, maxImagePixels,
        dates, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withDb(String url) {
    return new ServerConfig(Optional.of(url), host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withModel(Path m) {
    return new ServerConfig(dbUrl, host, port, dataDir, Optional.of(m), demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withDemoData(Path d) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, Optional.of(d), bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withLimits(int strength, long uploadBytes, long imagePixels) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, strength, uploadBytes, imagePixels, dates,
        tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withLimits(ServerLimits l) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, l, dbPassword, lake, syncJournal);
  }

  public ServerConfig withDbPassword(String password) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, Optional.of(password), lake, syncJournal);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(dbUrl, h, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes, maxImagePixels,
        dates, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withDates(DateWindow d) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, d, tls, secureCookies, limits, dbPassword, lake, syncJournal);
  }

  /** Serves HTTPS with a keystore; the session cookie is then {@code Secure}. */
  public ServerConfig withTls(Tls t) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, Optional.of(t), true, limits, dbPassword, lake, syncJournal);
  }

  public ServerConfig withSecureCookies(boolean on) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, on || tls.isPresent(), limits, dbPassword, lake, syncJournal);
  }

  /**
   * Forces each journal line of the embedded store (and its file at each checkpoint) to the disk
   * before answering: survives a power failure, at a disk flush per commit.
   */
  public ServerConfig withSyncJournal(boolean on) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, dbPassword, lake, on);
  }

  /** Serves the analysts' SQL page over this lake. */
  public ServerConfig withLake(Path l) {
    return new ServerConfig(dbUrl, host, port, dataDir, model, demoData, bcryptStrength, maxUploadBytes,
        maxImagePixels, dates, tls, secureCookies, limits, dbPassword, Optional.of(l), syncJournal);
  }

  @Override
  public String toString() {
    return "ServerConfig[db=" + org.riskgate.server.store.Database.redact(storeUrl()) + ", host=" + host + ", port=" + port
        + ", dataDir=" + dataDir + ", tls=" + tls.isPresent() + ", password " + (dbPassword.isPresent() ? "given" : "not given") + "]";
  }
}
