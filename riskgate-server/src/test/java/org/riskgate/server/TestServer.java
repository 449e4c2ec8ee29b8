package org.riskgate.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.auth.Role;

/**
 * A real server on a free port over a fresh store, with one user (and API token) per role:
 * {@code ana} (analyst), {@code sue} (supervisor), {@code adam} (admin), password
 * {@link #PASSWORD}.
 */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct-horse-battery";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static TestServer shared;

  public final Platform platform;
  public final RiskgateServer server;
  public final String base;
  public final Map<Role, String> tokens = new EnumMap<>(Role.class);

  private TestServer(Platform platform, RiskgateServer server) {
    this.platform = platform;
    this.server = server;
    this.base = (platform.config().tls().isPresent() ? "https" : "http") + "://127.0.0.1:" + server.port();
    String[] names = {"ana", "sue", "adam"};
    for (Role r : Role.values()) {
      String name = names[r.ordinal()];
      platform.auth().createUser(name, PASSWORD, r, false, "test");
      tokens.put(r, platform.auth().issueToken(name, "test", Optional.empty()));
    }
  }

  /**
   * Starts a server.
   *
   * @param db a JDBC URL, or empty for H2 in {@code dir}
   * @param demo whether to load the demo data
   */
  public static TestServer start(Path dir, Optional<String> db, long maxUploadBytes, boolean demo) throws IOException {
    return start(dir, db, maxUploadBytes, demo, c -> c);
  }

  /** Starts a server with these admission and rate limits. */
  public static TestServer start(Path dir, Optional<String> db, long maxUploadBytes, boolean demo, ServerLimits limits)
      throws IOException {
    return start(dir, db, maxUploadBytes, demo, c -> c.withLimits(limits));
  }

  /** As {@link #start(Path, Optional, long, boolean)}, with a last change to the configuration. */
  public static TestServer start(Path dir, Optional<String> db, long maxUploadBytes, boolean demo,
      java.util.function.UnaryOperator<ServerConfig> change) throws IOException {
    ServerConfig cfg = ServerConfig.defaults(dir).withPort(0).withModel(Fixtures.bundle())
        .withLimits(4, maxUploadBytes, 40_000_000L);
    if (db.isPresent()) {
      cfg = cfg.withDb(db.get());
    }
    if (demo) {
      cfg = cfg.withDemoData(Fixtures.DATA);
    }
    Platform p = Platform.open(change.apply(cfg), new PrintStream(OutputStream.nullOutputStream()));
    return new TestServer(p, RiskgateServer.start(p));
  }

  /** One server with the demo data for the whole test run (never closed: the JVM ends it). */
  public static synchronized TestServer shared() throws IOException {
    if (shared == null) {
      shared = start(java.nio.file.Files.createTempDirectory("riskgate-shared"), Optional.empty(), 32L << 20, true);
    }
    return shared;
  }

  public HttpResponse<String> send(String method, String path, String token, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    // a large upload asks first, as careful clients do: a server that refuses it answers 413
    // before the body is sent, instead of closing the connection while the client still writes
    b.expectContinue(body != null && body.length() > (1 << 16));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, Role role) throws IOException, InterruptedException {
    return send("GET", path, tokens.get(role), null, null);
  }

  public HttpResponse<String> post(String path, Role role, String json) throws IOException, InterruptedException {
    return send("POST", path, tokens.get(role), "application/json", json);
  }

  public HttpResponse<String> put(String path, Role role, String json) throws IOException, InterruptedException {
    return send("PUT", path, tokens.get(role), "application/json", json);
  }

  @Override
  public void close() {
    server.close();
    platform.close();
  }
}
