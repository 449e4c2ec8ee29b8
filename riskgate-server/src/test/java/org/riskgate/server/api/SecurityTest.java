package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.risk.Objective;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.AuditLog;

/**
 * The security requirements, against a real server: no credentials, wrong role, CSRF, injection
 * strings, oversized uploads, and no stack trace ever reaching a client.
 */
class SecurityTest {
  private static final long LIMIT = 64 * 1024;
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-sec"), Optional.empty(), LIMIT, false);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static String concrete(String path) {
    return path.replaceAll("\\{[a-z]+\\}", "x");
  }

  @Test
  void everyProtectedRouteNeedsAValidToken() throws Exception {
    for (ApiRoute r : s.server.routes()) {
      if (r.role().isEmpty()) {
        continue;
      }
      HttpResponse<String> none = s.send(r.method(), concrete(r.path()), null, "application/json", "{}");
      assertThat(none.statusCode()).as(r.method() + " " + r.path()).isEqualTo(401);
      HttpResponse<String> bad = s.send(r.method(), concrete(r.path()), "not-a-token", "application/json", "{}");
      assertThat(bad.statusCode()).as(r.method() + " " + r.path()).isEqualTo(401);
    }
    // also paths that do not exist: nothing under /api/v1 is answered without credentials
    assertThat(s.send("GET", "/api/v1/no-such-thing", null, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void rolesAreEnforcedPerRoute() throws Exception {
    String capacity = "{\"redPercent\":4,\"yellowPercent\":6,\"randomPercent\":1,\"perOffice\":false}";
    assertThat(s.put("/api/v1/capacity", Role.ANALYST, capacity).statusCode()).isEqualTo(403);
    assertThat(s.put("/api/v1/rules", Role.ANALYST, "{\"rules\":\"\"}").statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/audit", Role.ANALYST).statusCode()).isEqualTo(403);
    String user = "{\"username\":\"eve\",\"password\":\"long-enough-password\",\"role\":\"admin\"}";
    assertThat(s.post("/api/v1/users", Role.ANALYST, user).statusCode()).isEqualTo(403);
    assertThat(s.post("/api/v1/users", Role.SUPERVISOR, user).statusCode()).isEqualTo(403);
    assertThat(s.post("/api/v1/models/x/activate", Role.SUPERVISOR, "{}").statusCode()).isEqualTo(403);
    assertThat(s.put("/api/v1/capacity", Role.SUPERVISOR, capacity).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/audit?subject=capacity", Role.SUPERVISOR).body()).contains("\"actor\":\"sue\"");
    assertThat(s.post("/api/v1/users", Role.ADMIN, user).statusCode()).isEqualTo(201);
  }

  @Test
  void passwordsAreBcryptHashesAndOneTimePasswordsMustBeChanged() throws Exception {
    assertThat(s.platform.users().find("ana").orElseThrow().passwordHash()).startsWith("$2a$");
    s.platform.auth().createUser("otp", "one-time-password-1", Role.ANALYST, true, "test");
    HttpResponse<String> refused = s.send("POST", "/api/v1/auth/token", null, "application/json",
        "{\"username\":\"otp\",\"password\":\"one-time-password-1\"}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(s.send("POST", "/api/v1/auth/password", null, "application/json",
        "{\"username\":\"otp\",\"oldPassword\":\"wrong-password-1\",\"newPassword\":\"my-own-password-1\"}")
        .statusCode()).isEqualTo(401);
    assertThat(s.send("POST", "/api/v1/auth/password", null, "application/json",
        "{\"username\":\"otp\",\"oldPassword\":\"one-time-password-1\",\"newPassword\":\"my-own-password-1\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> ok = s.send("POST", "/api/v1/auth/token", null, "application/json",
        "{\"username\":\"otp\",\"password\":\"my-own-password-1\"}");
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.body()).contains("\"token\"");
  }

  /** A browser session: log in through the form, keep the cookie, read the CSRF token. */
  static final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    HttpResponse<String> form(String path, String body) throws Exception {
      if (path.equals("/login")) {
        body += "&_csrf=" + hidden(get("/login").body());
      }
      return http.send(HttpRequest.newBuilder(URI.create(s.base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf() throws Exception {
      return hidden(get("/queue").body());
    }

    private static String hidden(String page) {
      int i = page.indexOf("name=\"_csrf\" value=\"");
      assertThat(i).isPositive();
      return page.substring(i + 20, page.indexOf('"', i + 20));
    }
  }

  @Test
  void formsNeedTheSessionsCsrfToken() throws Exception {
    s.platform.declarations().storeOne(s.platform.decisions().decideOne(
        org.riskgate.server.store.DeclarationFixtures.declaration("CSRF1"), "test"));
    Browser b = new Browser();
    assertThat(b.get("/queue").statusCode()).isEqualTo(302);
    assertThat(b.form("/login", "username=ana&password=" + TestServer.PASSWORD).statusCode()).isEqualTo(302);
    String token = b.csrf();
    long audit = AuditLog.count(s.platform.db());
    assertThat(b.form("/declarations/CSRF1/result", "fraud=true&amount=10").statusCode()).isEqualTo(403);
    assertThat(b.form("/declarations/CSRF1/result", "fraud=true&amount=10&_csrf=forged").statusCode()).isEqualTo(403);
    assertThat(AuditLog.count(s.platform.db())).isEqualTo(audit);
    assertThat(s.platform.declarations().find("CSRF1").orElseThrow().result()).isEmpty();
    assertThat(b.form("/declarations/CSRF1/result", "fraud=true&amount=10&_csrf=" + token).statusCode()).isEqualTo(302);
    assertThat(s.platform.declarations().find("CSRF1").orElseThrow().result()).isPresent();
    // another session's token is no good either
    Browser other = new Browser();
    other.form("/login", "username=sue&password=" + TestServer.PASSWORD);
    assertThat(other.form("/declarations/CSRF1/result", "fraud=false&_csrf=" + token).statusCode()).isEqualTo(403);
  }

  @Test
  void onlySupervisorsChangeCapacityAndRulesInTheUi() throws Exception {
    Browser analyst = new Browser();
    analyst.form("/login", "username=ana&password=" + TestServer.PASSWORD);
    String token = analyst.csrf();
    assertThat(analyst.get("/settings").body()).contains("Lane capacity").doesNotContain("Change capacity");
    assertThat(analyst.form("/settings/capacity", "red=9&yellow=5&random=0&_csrf=" + token).statusCode()).isEqualTo(403);
    Browser sup = new Browser();
    sup.form("/login", "username=sue&password=" + TestServer.PASSWORD);
    String supToken = sup.csrf();
    assertThat(sup.form("/settings/capacity", "red=9&yellow=5&random=0").statusCode()).isEqualTo(403);
    assertThat(sup.form("/settings/capacity", "red=9&yellow=5&random=0&_csrf=" + supToken).statusCode()).isEqualTo(302);
    assertThat(s.platform.decisions().config().capacity().redPercent()).isEqualTo(9);
    assertThat(AuditLog.latest(s.platform.db(), "capacity", 1).get(0).actor()).isEqualTo("sue");
    HttpResponse<String> refused = sup.form("/settings/rules", "rules=rule+broken&_csrf=" + supToken);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("settings-error");
    s.put("/api/v1/capacity", Role.SUPERVISOR, "{\"redPercent\":3,\"yellowPercent\":7,\"randomPercent\":1,\"perOffice\":false}");

    assertThat(analyst.form("/settings/objective", "objective=revenue&_csrf=" + token).statusCode()).isEqualTo(403);
    assertThat(sup.form("/settings/objective", "objective=tax&_csrf=" + supToken).statusCode()).isEqualTo(400);
    assertThat(sup.form("/settings/objective", "objective=revenue&_csrf=" + supToken).statusCode()).isEqualTo(302);
    assertThat(s.platform.decisions().config().objective()).isEqualTo(Objective.REVENUE);
    assertThat(AuditLog.latest(s.platform.db(), "objective", 1).get(0).actor()).isEqualTo("sue");
    assertThat(s.get("/api/v1/objective", Role.ANALYST).body()).contains("\"objective\":\"revenue\"");
    assertThat(s.put("/api/v1/objective", Role.ANALYST, "{\"objective\":\"frauds\"}").statusCode()).isEqualTo(403);
    assertThat(s.put("/api/v1/objective", Role.SUPERVISOR, "{\"objective\":\"frauds\"}").statusCode()).isEqualTo(200);
    assertThat(s.platform.decisions().config().objective()).isEqualTo(Objective.FRAUDS);
  }

  @Test
  void injectionStringsAreTreatedAsData() throws Exception {
    for (String evil : List.of("' OR '1'='1", "1; DROP TABLE audit_log; --", "\" OR \"\"=\"", "x') UNION SELECT password_hash FROM users --")) {
      String q = java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<String> queue = s.get("/api/v1/queue?office=" + q, Role.ANALYST);
      assertThat(queue.statusCode()).isEqualTo(200);
      assertThat(queue.body()).contains("\"total\":0").doesNotContain("$2a$");
      assertThat(s.get("/api/v1/declarations/" + q.replace("+", "%20"), Role.ANALYST).statusCode()).isEqualTo(404);
      HttpResponse<String> login = s.send("POST", "/api/v1/auth/token", null, "application/json",
          "{\"username\":\"" + evil.replace("\"", "\\\"") + "\",\"password\":\"" + evil.replace("\"", "\\\"") + "\"}");
      assertThat(login.statusCode()).isEqualTo(401);
    }
    String evilId = "X' OR 1=1 --";
    HttpResponse<String> stored = s.post("/api/v1/declarations", Role.ANALYST,
        "{\"id\":\"" + evilId + "\",\"date\":\"2021-04-01\",\"importerId\":\"IMP'--\",\"hsCode\":\"440890\","
            + "\"taxRate\":8,\"netMass\":10,\"itemPrice\":100}");
    assertThat(stored.statusCode()).isEqualTo(201);
    assertThat(s.get("/api/v1/declarations/X'%20OR%201=1%20--", Role.ANALYST).body()).contains("IMP'--");
    assertThat(AuditLog.count(s.platform.db())).isPositive();
  }

  @Test
  void oversizedUploadsAreRefused() throws Exception {
    String big = "Declaration ID,Date\n" + "1,2021-01-01\n".repeat((int) (LIMIT / 10));
    HttpResponse<String> r = s.send("POST", "/api/v1/batches", s.tokens.get(Role.ANALYST), "text/csv", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(s.platform.declarations().existing(List.of("1"))).isEmpty();
    HttpResponse<String> json = s.send("POST", "/api/v1/declarations", s.tokens.get(Role.ANALYST), "application/json",
        "{\"id\":\"" + "a".repeat((int) LIMIT) + "\"}");
    assertThat(json.statusCode()).isEqualTo(413);
  }

  @Test
  void oversizedFormUploadsAreRefused() throws Exception {
    s.platform.declarations().storeOne(s.platform.decisions().decideOne(
        org.riskgate.server.store.DeclarationFixtures.declaration("UPLOAD1"), "test"));
    Browser b = new Browser();
    b.form("/login", "username=ana&password=" + TestServer.PASSWORD);
    String token = b.csrf();
    String boundary = "----riskgate" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"issuer\"\r\n\r\nKR-1\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"big.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n" + "x".repeat((int) (2 * LIMIT)) + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = b.http.send(HttpRequest.newBuilder(URI.create(s.base + "/declarations/UPLOAD1/documents"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(s.platform.documents().store().of("UPLOAD1")).isEmpty();
  }

  @Test
  void errorsNeverCarryAStackTrace() throws Exception {
    List<HttpResponse<String>> answers = List.of(
        s.post("/api/v1/declarations", Role.ANALYST, "{not json"),
        s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"a\",\"date\":\"yesterday\"}"),
        s.put("/api/v1/declarations/none/result", Role.ANALYST, "{\"fraud\":\"maybe\"}"),
        s.put("/api/v1/capacity", Role.SUPERVISOR, "{\"redPercent\":400,\"yellowPercent\":1,\"randomPercent\":0,\"perOffice\":false}"),
        s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"this is not a rule\"}"),
        s.get("/api/v1/queue?from=not-a-date", Role.ANALYST),
        s.post("/api/v1/models", Role.ADMIN, "{\"path\":\"/nonexistent\"}"));
    for (HttpResponse<String> a : answers) {
      assertThat(a.statusCode()).as(a.body()).isBetween(400, 499);
      assertThat(a.body()).doesNotContain("\tat ", ".java:", "Exception");
    }
  }
}
