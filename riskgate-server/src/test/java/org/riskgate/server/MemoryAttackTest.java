package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Finding 4, reproduced on a server process with a small heap (400 MB, pages of up to 12
 * megapixels, about 140 MB each to check): an authenticated user uploads a CSV of two million
 * junk rows, then six large pages at once. Before the fix the first filled the heap (500) and
 * the second gave 500s; now the CSV is refused with the first rejects and their count, the pages
 * are checked one at a time (503 with Retry-After for the others), and the server keeps serving.
 */
class MemoryAttackTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpResponse<String> send(String method, String url, String token, String type,
      HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).method(method, body);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher json(String s) {
    return HttpRequest.BodyPublishers.ofString(s);
  }

  private static byte[] page(int side) throws Exception {
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, side, side);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, side / 60));
    for (int y = side / 20; y < side; y += side / 30) {
      g.drawString("Commercial invoice, line item " + y, side / 20, y);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void junkRowsAndConcurrentLargePagesCostBoundedMemory() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-mem");
    Path data = dir.resolve("data");
    ServerProcess s = ServerProcess.launch(data, dir.resolve("server.log"), "400m", "--max-image-megapixels", "12");
    try {
      String base = s.base();
      assertThat(send("POST", base + "/api/v1/auth/password", null, "application/json", json(
          "{\"username\":\"admin\",\"oldPassword\":\"" + s.oneTimePassword() + "\",\"newPassword\":\"memory-keeper-77\"}"))
          .statusCode()).isEqualTo(204);
      String token = Json.MAPPER.readTree(send("POST", base + "/api/v1/auth/token", null, "application/json",
          json("{\"username\":\"admin\",\"password\":\"memory-keeper-77\"}")).body()).get("token").asText();

      // two million junk rows under a valid header: 4 MB
      String header = Files.readAllLines(Fixtures.DATA.resolve("df_syn_valid_eng.csv")).get(0);
      StringBuilder csv = new StringBuilder(header.length() + 4_100_000).append(header).append('\n');
      for (int i = 0; i < 2_000_000; i++) {
        csv.append("x\n");
      }
      HttpResponse<String> junk = send("POST", base + "/api/v1/batches?name=junk.csv", token, "text/csv",
          HttpRequest.BodyPublishers.ofString(csv.toString()));
      assertThat(junk.statusCode()).as(junk.body().length() > 300 ? junk.body().substring(0, 300) : junk.body())
          .isEqualTo(422);
      assertThat(junk.body().length()).as("the answer lists the first rejects, not all").isLessThan(100_000);
      JsonNode answer = Json.MAPPER.readTree(junk.body());
      assertThat(answer.get("error").asText()).startsWith("2000000 rejected rows").contains("the first 100 are listed")
          .doesNotContain(dir.toString());
      assertThat(answer.get("details")).hasSize(100);
      assertThat(answer.get("details").get(0).get("file").asText()).isEqualTo("junk.csv");
      try (var files = Files.list(data.resolve("rejects"))) {
        assertThat(files.toList()).hasSize(1);
      }

      assertThat(send("POST", base + "/api/v1/declarations", token, "application/json", json(
          "{\"id\":\"MEM1\",\"date\":\"2021-04-01\",\"officeId\":\"30\",\"importerId\":\"QLRUBN9\",\"hsCode\":\"440890\","
              + "\"originCountry\":\"BE\",\"taxRate\":8,\"netMass\":100,\"itemPrice\":5000}")).statusCode()).isEqualTo(201);
      byte[] png = page(3400);
      List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        uploads.add(CompletableFuture.supplyAsync(() -> {
          try {
            return send("POST", base + "/api/v1/declarations/MEM1/documents?issuer=acme", token, "image/png",
                HttpRequest.BodyPublishers.ofByteArray(png));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      int checked = 0;
      for (var u : uploads) {
        HttpResponse<String> r = u.get();
        assertThat(r.statusCode()).as(r.body()).isIn(201, 503);
        if (r.statusCode() == 503) {
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } else {
          checked++;
        }
      }
      assertThat(checked).isPositive();
      // and the server recovers: the next page is checked, probes are answered
      assertThat(send("POST", base + "/api/v1/declarations/MEM1/documents?issuer=acme", token, "image/png",
          HttpRequest.BodyPublishers.ofByteArray(png)).statusCode()).isEqualTo(201);
      assertThat(send("GET", base + "/api/health", null, null, HttpRequest.BodyPublishers.noBody()).statusCode())
          .isEqualTo(200);
      assertThat(Files.readString(data.resolve(ServerLog.FILE), StandardCharsets.UTF_8)).contains("serving http://");
    } finally {
      s.process().destroy();
      s.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
