package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Durability: the server runs as a separate process, is killed with SIGKILL while clients are
 * ingesting, and is started again on the same store. Everything acknowledged (201) must be there,
 * with its audit line, and every batch must be there whole or not at all.
 */
class KillTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int BATCH = 50;

  private static ServerProcess launch(Path dataDir, Path log) throws Exception {
    return ServerProcess.launch(dataDir, log, "512m");
  }

  private static HttpResponse<String> send(String method, String url, String token, String type, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String declaration(String id) {
    return "{\"id\":\"" + id + "\",\"date\":\"2021-04-01\",\"officeId\":\"30\",\"importerId\":\"QLRUBN9\","
        + "\"hsCode\":\"440890\",\"originCountry\":\"BE\",\"taxRate\":8,\"netMass\":100,\"itemPrice\":5000}";
  }

  @Test
  void killMinus9LosesNothingAcknowledged() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-kill");
    ServerProcess first = launch(dir.resolve("data"), dir.resolve("first.log"));
    String token;
    try {
      assertThat(first.oneTimePassword()).isNotEmpty();
      assertThat(send("POST", first.base() + "/api/v1/auth/password", null, "application/json",
          "{\"username\":\"admin\",\"oldPassword\":\"" + first.oneTimePassword()
              + "\",\"newPassword\":\"durable-keeper-pw\"}").statusCode()).isEqualTo(204);
      HttpResponse<String> t = send("POST", first.base() + "/api/v1/auth/token", null, "application/json",
          "{\"username\":\"admin\",\"password\":\"durable-keeper-pw\"}");
      token = Json.MAPPER.readTree(t.body()).get("token").asText();

      List<String> lines = Files.readAllLines(Fixtures.DATA.resolve("df_syn_valid_eng.csv"));
      Set<String> ackedSingles = ConcurrentHashMap.newKeySet();
      Map<Integer, Boolean> batches = new ConcurrentHashMap<>(); // batch number -> acknowledged
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        int client = c;
        clients.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; !stop.get(); i++) {
            String id = "K" + client + "-" + i;
            try {
              if (send("POST", first.base() + "/api/v1/declarations", token, "application/json", declaration(id))
                  .statusCode() == 201) {
                ackedSingles.add(id);
              }
            } catch (IOException | InterruptedException e) {
              return; // the server is gone
            }
          }
        }));
      }
      clients.add(Thread.ofPlatform().start(() -> {
        for (int b = 0; !stop.get(); b++) {
          StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
          for (int i = 0; i < BATCH; i++) {
            csv.append("KB").append(b).append('-').append(lines.get(1 + (b * BATCH + i) % (lines.size() - 1))).append('\n');
          }
          batches.put(b, false);
          try {
            if (send("POST", first.base() + "/api/v1/batches?name=b" + b, token, "text/csv", csv.toString())
                .statusCode() == 201) {
              batches.put(b, true);
            }
          } catch (IOException | InterruptedException e) {
            return;
          }
        }
      }));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((ackedSingles.size() < 300 || batches.values().stream().filter(x -> x).count() < 5)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      // SIGKILL while the clients are still sending: no shutdown hook, no flush, no close
      first.process().destroyForcibly();
      first.process().waitFor(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Thread c : clients) {
        c.join(30_000);
      }
      assertThat(ackedSingles).hasSizeGreaterThanOrEqualTo(300);

      ServerProcess second = launch(dir.resolve("data"), dir.resolve("second.log"));
      try {
        assertThat(second.oneTimePassword()).as("the first admin is not created twice").isEmpty();
        for (String id : ackedSingles) {
          HttpResponse<String> r = send("GET", second.base() + "/api/v1/declarations/" + id, token, null, null);
          assertThat(r.statusCode()).as("acknowledged declaration %s after kill -9", id).isEqualTo(200);
        }
        for (Map.Entry<Integer, Boolean> b : batches.entrySet()) {
          int present = 0;
          for (int i = 0; i < BATCH; i++) {
            String id = "KB" + b.getKey() + "-" + lines.get(1 + (b.getKey() * BATCH + i) % (lines.size() - 1)).split(",")[0];
            if (send("GET", second.base() + "/api/v1/declarations/" + id, token, null, null).statusCode() == 200) {
              present++;
            }
          }
          if (b.getValue()) {
            assertThat(present).as("acknowledged batch %d", b.getKey()).isEqualTo(BATCH);
          } else {
            assertThat(present).as("batch %d in flight at the kill: all or nothing", b.getKey()).isIn(0, BATCH);
          }
        }
        // every acknowledged decision kept its audit line
        String some = ackedSingles.iterator().next();
        JsonNode audit = Json.MAPPER.readTree(send("GET", second.base() + "/api/v1/audit?subject=" + some, token, null, null).body()).get("entries");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("kind").asText()).isEqualTo("decision");
      } finally {
        second.process().destroy();
        second.process().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      first.process().destroyForcibly();
    }
  }
}
