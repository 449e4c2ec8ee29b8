package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.auth.Role;

/**
 * Finding 7: a full server answers 503 with Retry-After at once instead of queueing without end,
 * keeps answering its health probe, and recovers; one token cannot take more than its rate (429).
 * The server here handles one request at a time with one waiting, for at most 300 ms.
 */
class AdmissionTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-adm"), Optional.empty(), 1 << 20, false,
        ServerLimits.defaults(40_000_000L).withAdmission(1, 1, Duration.ofMillis(300)).withTokenRate(5, 10));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static CompletableFuture<HttpResponse<String>> get(String path, Role role) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(s.base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + s.tokens.get(role)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFullServerAnswers503AtOnceKeepsItsProbeAndRecovers() throws Exception {
    // a batch upload whose body stops after its first bytes: it holds the only slot meanwhile
    String body = "id\nx\n" + " ".repeat(94);
    try (Socket held = new Socket("127.0.0.1", s.server.port())) {
      OutputStream out = held.getOutputStream();
      out.write(("POST /api/v1/batches?name=held.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + s.tokens.get(Role.SUPERVISOR) + "\r\nContent-Type: text/csv\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body.substring(0, 3)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(500);
      CompletableFuture<HttpResponse<String>> queued = get("/api/v1/queue", Role.ADMIN);
      Thread.sleep(100);
      long t0 = System.nanoTime();
      HttpResponse<String> refused = get("/api/v1/queue", Role.ADMIN).get(10, TimeUnit.SECONDS);
      long refusedMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refusedMs).as("refused at once, not after waiting").isLessThan(250);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(Json.MAPPER.readTree(refused.body()).get("status").asInt()).isEqualTo(503);
      // a browser gets the styled page, in its language
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(s.base + "/queue"))
          .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "ko-KR,ko;q=0.9").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(page.body()).contains("<html lang=\"ko\">", "/static/app.css", "서버가 바쁩니다 (503)",
          "1초 후에 다시 시도하십시오");
      HttpResponse<String> probe = HTTP.send(HttpRequest.newBuilder(URI.create(s.base + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(probe.statusCode()).isEqualTo(200);
      HttpResponse<String> waited = queued.get(10, TimeUnit.SECONDS);
      assertThat(waited.statusCode()).as("waited 300 ms for the slot, then refused").isEqualTo(503);
      assertThat(waited.headers().firstValue("Retry-After")).isPresent();
      out.write(body.substring(3).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(held.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      assertThat(status).contains(" 422 ");
    }
    assertThat(get("/api/v1/queue", Role.ADMIN).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void oneTokenBeyondItsRateGets429AndOthersAreNotSlowed() throws Exception {
    int ok = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 12; i++) {
      last = get("/api/v1/rules", Role.ANALYST).get(10, TimeUnit.SECONDS);
      ok += last.statusCode() == 200 ? 1 : 0;
    }
    assertThat(ok).as("a burst of 10 and about one more").isBetween(10, 11);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(get("/api/v1/rules", Role.SUPERVISOR).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    Thread.sleep(1200);
    assertThat(get("/api/v1/rules", Role.ANALYST).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }
}
