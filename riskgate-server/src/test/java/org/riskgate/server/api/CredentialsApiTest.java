package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/** The attacks of finding 5, over HTTP: guessing, weak passwords, and credentials that never ended. */
class CredentialsApiTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-cred"), Optional.empty(), 64 * 1024, false);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static HttpResponse<String> token(String user, String password) throws Exception {
    return s.send("POST", "/api/v1/auth/token", null, "application/json",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  /** Posts a form; a login form first fetches the login page for its token, as a browser does. */
  private static HttpResponse<String> form(HttpClient http, String path, String body) throws Exception {
    if (path.equals("/login")) {
      String page = http.send(HttpRequest.newBuilder(URI.create(s.base + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
      assertThat(m.find()).as("the login form carries its token").isTrue();
      body += "&_csrf=" + java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }
    return http.send(HttpRequest.newBuilder(URI.create(s.base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int page(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void guessedPasswordsAreThrottledWith429AndRetryAfterAndAudited() throws Exception {
    s.platform.auth().createUser("guessed", TestServer.PASSWORD, Role.ANALYST, false, "test");
    for (int i = 0; i < 5; i++) {
      assertThat(token("guessed", "wrong-password-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right = token("guessed", TestServer.PASSWORD);
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
        assertThat(Long.parseLong(v)).isBetween(1L, 900L));
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> web = form(browser, "/login", "username=guessed&password=" + TestServer.PASSWORD);
    assertThat(web.statusCode()).isEqualTo(429);
    assertThat(web.headers().firstValue("Retry-After")).isPresent();
    assertThat(web.body()).contains("Too many attempts: try again in");
    JsonNode audit = Json.MAPPER.readTree(s.get("/api/v1/audit?subject=guessed", Role.SUPERVISOR).body()).get("entries");
    long failures = 0;
    for (JsonNode e : audit) {
      failures += e.get("kind").asText().equals("login_failed") ? 1 : 0;
    }
    assertThat(failures).isEqualTo(5);
  }

  @Test
  void weakPasswordsAreRefused() throws Exception {
    for (String weak : new String[] {"aaaaaaaaaa", "aaaaaaaaaaaa", "password1234", "weakling-weakling"}) {
      HttpResponse<String> r = s.post("/api/v1/users", Role.ADMIN,
          "{\"username\":\"weakling\",\"password\":\"" + weak + "\",\"role\":\"analyst\"}");
      assertThat(r.statusCode()).as(weak).isEqualTo(400);
    }
    assertThat(s.platform.users().find("weakling")).isEmpty();
  }

  @Test
  void tokensAreListedAndRevokedAndEndWithAPasswordChange() throws Exception {
    s.platform.auth().createUser("tok", TestServer.PASSWORD, Role.ANALYST, false, "test");
    String t1 = Json.MAPPER.readTree(token("tok", TestServer.PASSWORD).body()).get("token").asText();
    String t2 = Json.MAPPER.readTree(token("tok", TestServer.PASSWORD).body()).get("token").asText();
    HttpResponse<String> list = s.send("GET", "/api/v1/tokens", t1, null, null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(t1).doesNotContain(t2).contains("\"expiresAt\"");
    JsonNode tokens = Json.MAPPER.readTree(list.body());
    assertThat(tokens).hasSize(2);
    String id = tokens.get(0).get("id").asText();
    assertThat(s.send("POST", "/api/v1/tokens/" + id + "/revoke", t1, null, null).statusCode()).isEqualTo(200);
    int alive = (s.send("GET", "/api/v1/queue", t1, null, null).statusCode() == 200 ? 1 : 0)
        + (s.send("GET", "/api/v1/queue", t2, null, null).statusCode() == 200 ? 1 : 0);
    assertThat(alive).as("one revoked, one left").isEqualTo(1);

    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    assertThat(form(browser, "/login", "username=tok&password=" + TestServer.PASSWORD).statusCode()).isEqualTo(302);
    assertThat(page(browser, "/queue")).isEqualTo(200);
    assertThat(s.send("POST", "/api/v1/auth/password", null, "application/json",
        "{\"username\":\"tok\",\"oldPassword\":\"" + TestServer.PASSWORD + "\",\"newPassword\":\"brand-new-secret-9\"}")
        .statusCode()).isEqualTo(204);
    assertThat(s.send("GET", "/api/v1/queue", t1, null, null).statusCode()).isEqualTo(401);
    assertThat(s.send("GET", "/api/v1/queue", t2, null, null).statusCode()).isEqualTo(401);
    assertThat(page(browser, "/queue")).as("the session ended: back to the login").isEqualTo(302);
  }

  @Test
  void aDisabledUserIsLockedOutAtOnce() throws Exception {
    s.platform.auth().createUser("leaver", TestServer.PASSWORD, Role.ANALYST, false, "test");
    String t = Json.MAPPER.readTree(token("leaver", TestServer.PASSWORD).body()).get("token").asText();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    form(browser, "/login", "username=leaver&password=" + TestServer.PASSWORD);
    assertThat(s.send("GET", "/api/v1/queue", t, null, null).statusCode()).isEqualTo(200);
    assertThat(page(browser, "/queue")).isEqualTo(200);
    assertThat(s.post("/api/v1/users/leaver/disable", Role.SUPERVISOR, "{}").statusCode()).isEqualTo(403);
    assertThat(s.post("/api/v1/users/leaver/disable", Role.ADMIN, "{}").statusCode()).isEqualTo(200);
    assertThat(s.send("GET", "/api/v1/queue", t, null, null).statusCode()).isEqualTo(401);
    assertThat(page(browser, "/queue")).isEqualTo(302);
    assertThat(token("leaver", TestServer.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(s.get("/api/v1/users", Role.ADMIN).body()).contains("\"username\":\"leaver\"");
    assertThat(s.get("/api/v1/audit?subject=leaver", Role.SUPERVISOR).body()).contains("disabled");
  }

  @Test
  void theAccessPageListsRevokesAndDisables() throws Exception {
    s.platform.auth().createUser("pager", TestServer.PASSWORD, Role.ANALYST, false, "test");
    String t = Json.MAPPER.readTree(token("pager", TestServer.PASSWORD).body()).get("token").asText();
    String id = org.riskgate.server.auth.AuthService.sha256(t).substring(0, 16);
    HttpClient admin = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    assertThat(form(admin, "/login", "username=adam&password=" + TestServer.PASSWORD).statusCode()).isEqualTo(302);
    String page = admin.send(HttpRequest.newBuilder(URI.create(s.base + "/access")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).contains(id, "pager").doesNotContain(t);
    int at = page.indexOf("name=\"_csrf\" value=\"");
    String csrf = page.substring(at + 20, page.indexOf('"', at + 20));
    assertThat(form(admin, "/access/tokens/revoke", "id=" + id).statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(form(admin, "/access/tokens/revoke", "id=" + id + "&_csrf=" + csrf).statusCode()).isEqualTo(302);
    assertThat(s.send("GET", "/api/v1/queue", t, null, null).statusCode()).isEqualTo(401);
    assertThat(form(admin, "/access/users/disable", "name=pager&_csrf=" + csrf).statusCode()).isEqualTo(302);
    assertThat(s.platform.users().find("pager").orElseThrow().disabled()).isTrue();
    HttpClient analyst = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    form(analyst, "/login", "username=ana&password=" + TestServer.PASSWORD);
    String mine = analyst.send(HttpRequest.newBuilder(URI.create(s.base + "/access")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(mine).doesNotContain("pager").doesNotContain("id=\"users\"");
  }
}
