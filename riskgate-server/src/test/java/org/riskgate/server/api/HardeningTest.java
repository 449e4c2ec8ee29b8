package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Fixtures;
import org.riskgate.server.ServerConfig;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.AuditLog;

/**
 * Finding 8 of issue 13, item by item: clear 4xx answers where the probe got 500s or leaked
 * internals, strict JSON, the browser-facing headers, login CSRF, TLS with HSTS and Secure
 * cookies, and model registration audited as the admin who did it.
 */
class HardeningTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-hard"), Optional.empty(), 1 << 20, false);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static final String DECL = "{\"id\":\"%s\",\"date\":\"2021-04-01\",\"importerId\":\"IMP1\","
      + "\"hsCode\":\"440890\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":100%s}";

  private static void clear4xx(HttpResponse<String> r, int status, String... says) {
    assertThat(r.statusCode()).as(r.request().uri() + ": " + r.body()).isEqualTo(status);
    assertThat(r.body()).contains(says)
        .doesNotContain("Exception", "No enum constant", "org.riskgate", "java.", "/tmp", "riskgate-batch", "\tat ");
  }

  @Test
  void badInputGetsAClear4xxNever500() throws Exception {
    clear4xx(s.get("/api/v1/entities/importer/IMP1?asOf=2021-13-45", Role.ANALYST), 400, "asOf", "YYYY-MM-DD");
    clear4xx(s.post("/api/v1/declarations", Role.ANALYST, "null"), 400, "JSON object");
    clear4xx(s.put("/api/v1/capacity", Role.SUPERVISOR, "null"), 400, "JSON object");
    clear4xx(s.put("/api/v1/objective", Role.SUPERVISOR, "null"), 400, "JSON object");
    clear4xx(s.put("/api/v1/declarations/X/result", Role.ANALYST, "null"), 400, "JSON object");
    clear4xx(s.post("/api/v1/declarations", Role.ANALYST, DECL.formatted("C9", ",\"originCountry\":\"ABCDEFGHI\"")),
        400, "originCountry", "country");
    assertThat(s.platform.declarations().existing(List.of("C9"))).isEmpty();
    clear4xx(s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"" + "x".repeat(200_001) + "\"}"), 400,
        "limited to 40000 characters");
    clear4xx(s.get("/api/v1/queue?lane=PURPLE", Role.ANALYST), 400, "red, yellow or green");
    clear4xx(s.send("POST", "/api/v1/batches?name=mine.csv", s.tokens.get(Role.ANALYST), "text/csv", ""), 422,
        "mine.csv");
    clear4xx(s.post("/api/v1/declarations", Role.ANALYST, DECL.formatted("CTRL\\u0007", "")), 400, "'id'");
  }

  @Test
  void duplicateJsonKeysAreRefused() throws Exception {
    // a checker reading the first "fraud" and a store reading the last would disagree
    clear4xx(s.post("/api/v1/declarations", Role.ANALYST, DECL.formatted("DUP1", ",\"id\":\"DUP2\"")), 400,
        "duplicate field", "id");
    assertThat(s.platform.declarations().existing(List.of("DUP1", "DUP2"))).isEmpty();
    clear4xx(s.put("/api/v1/capacity", Role.SUPERVISOR,
        "{\"redPercent\":3,\"redPercent\":90,\"yellowPercent\":7,\"randomPercent\":1,\"perOffice\":false}"), 400,
        "duplicate field");
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> form(HttpClient http, String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String page) {
    int i = page.indexOf("name=\"_csrf\" value=\"");
    assertThat(i).as(page).isPositive();
    return page.substring(i + 20, page.indexOf('"', i + 20));
  }

  @Test
  void pagesAndErrorPagesCarryTheBrowserHeaders() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = get(http, s.base + "/login").body();
    assertThat(form(http, s.base + "/login", "username=ana&password=" + TestServer.PASSWORD + "&_csrf=" + csrf(login))
        .statusCode()).isEqualTo(302);
    for (String path : List.of("/queue", "/settings", "/declarations/NOPE", "/no-such-page", "/entities/importer/NOPE")) {
      HttpResponse<String> r = get(http, s.base + path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
          v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
      assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path + ": no TLS, no HSTS").isEmpty();
    }
    assertThat(get(http, s.base + "/no-such-page").statusCode()).isEqualTo(404);
    assertThat(get(http, s.base + "/static/app.css").headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
  }

  @Test
  void theLoginFormNeedsItsOwnToken() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // another site's form: no token, or a token without the cookie that goes with it
    assertThat(form(http, s.base + "/login", "username=ana&password=" + TestServer.PASSWORD).statusCode())
        .isEqualTo(403);
    HttpClient elsewhere = HttpClient.newBuilder().build();
    String token = csrf(get(HttpClient.newHttpClient(), s.base + "/login").body());
    assertThat(form(elsewhere, s.base + "/login", "username=ana&password=" + TestServer.PASSWORD + "&_csrf=" + token)
        .statusCode()).isEqualTo(403);
    String mine = csrf(get(http, s.base + "/login").body());
    // a browser's own second fetch of /login (a favicon redirected there) keeps the token on screen valid
    assertThat(csrf(get(http, s.base + "/login").body())).isEqualTo(mine);
    HttpResponse<String> ok = form(http, s.base + "/login",
        "username=ana&password=" + TestServer.PASSWORD + "&_csrf=" + mine);
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).doesNotContain("Secure"));
  }

  @Test
  void aModelRegisteredByAnAdminIsAuditedAsThatAdmin() throws Exception {
    Path copy = Files.createTempDirectory("riskgate-model").resolve("bundle");
    copyTree(Fixtures.bundle(), copy);
    Path prov = copy.resolve("provenance.json");
    String id = "audited-by-adam-" + System.nanoTime();
    Files.writeString(prov, Files.readString(prov).replaceFirst("\"bundleId\"\\s*:\\s*\"[^\"]*\"",
        "\"bundleId\":\"" + id + "\""));
    HttpResponse<String> r = s.post("/api/v1/models", Role.ADMIN,
        "{\"path\":" + org.riskgate.server.Json.write(copy.toString()) + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(AuditLog.latest(s.platform.db(), id, 5)).isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("adam"));
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void tlsServesHttpsWithHstsAndSecureCookies() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-tls");
    Path ks = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "riskgate", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", ks.toString(),
        "-storetype", "PKCS12", "-storepass", "test-pass", "-keypass", "test-pass").redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();
    try (TestServer tls = TestServer.start(dir, Optional.empty(), 1 << 20, false,
        c -> c.withTls(new ServerConfig.Tls(ks, "test-pass")))) {
      assertThat(tls.base).startsWith("https://");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(ks)) {
        trust.load(in, "test-pass".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient http = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager()).build();
      HttpResponse<String> page = get(http, tls.base + "/login");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
          v -> assertThat(v).contains("max-age="));
      assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Secure"));
      HttpResponse<String> in = form(http, tls.base + "/login",
          "username=ana&password=" + TestServer.PASSWORD + "&_csrf=" + csrf(page.body()));
      assertThat(in.statusCode()).isEqualTo(302);
      assertThat(in.headers().firstValue("Set-Cookie")).hasValueSatisfying(
          c -> assertThat(c).startsWith("rg_session=").contains("Secure", "HttpOnly"));
    }
  }
}
