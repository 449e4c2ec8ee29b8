package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/** HS suggestion, party profiles and document verification through the API. */
public class ChecksApiTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
  }

  static HttpResponse<String> upload(String path, byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.base + path))
        .header("Authorization", "Bearer " + s.tokens.get(Role.ANALYST)).header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A synthetic scanned page with a stamp and a signature, as PNG. */
  public static byte[] page() throws Exception {
    SyntheticData data = new SyntheticData(7, 5);
    PageSample p = data.page(data.issuers().get(0), Forgery.GENUINE, Forgery.GENUINE, new Random(7));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(p.image(), "png", out);
    return out.toByteArray();
  }

  /** A PNG whose header claims 50,000 x 50,000 pixels: a decompression bomb in 60 bytes. */
  static byte[] bomb() {
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(50_000).putInt(50_000)
        .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).putInt(13).put(ihdr.array())
        .putInt((int) crc.getValue());
    crc.reset();
    crc.update("IEND".getBytes());
    png.putInt(0).put("IEND".getBytes()).putInt((int) crc.getValue());
    return png.array();
  }

  @Test
  void hsSuggestionsFindTheChapter() throws Exception {
    HttpResponse<String> r = s.get("/api/v1/hs/suggest?text=frozen%20boneless%20beef&k=3", Role.ANALYST);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode list = Json.MAPPER.readTree(r.body());
    assertThat(list).hasSize(3);
    assertThat(list.get(0).get("chapter").asText()).isEqualTo("02");
    assertThat(s.get("/api/v1/hs/suggest", Role.ANALYST).statusCode()).isEqualTo(400);
  }

  @Test
  void partyProfilesComeFromTheHistory() throws Exception {
    JsonNode queue = Json.MAPPER.readTree(s.get("/api/v1/queue?lane=red&size=1", Role.ANALYST).body());
    String importer = queue.get("rows").get(0).get("importerId").asText();
    HttpResponse<String> r = s.get("/api/v1/entities/importer/" + importer, Role.ANALYST);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode e = Json.MAPPER.readTree(r.body());
    assertThat(e.get("profile").get("declarations").asLong()).isPositive();
    assertThat(e.get("stored").get("declarations").asInt()).isPositive();
    assertThat(s.get("/api/v1/entities/importer/NOBODY-EVER", Role.ANALYST).statusCode()).isEqualTo(404);
    assertThat(s.get("/api/v1/entities/pilot/x", Role.ANALYST).statusCode()).isEqualTo(400);
  }

  @Test
  void documentsAreVerifiedWithBoxesAndKept() throws Exception {
    String id = Json.MAPPER.readTree(s.get("/api/v1/queue?lane=red&size=1", Role.ANALYST).body())
        .get("rows").get(0).get("id").asText();
    HttpResponse<String> r = upload("/api/v1/declarations/" + id + "/documents?issuer=KR-017&name=invoice.png", page());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = Json.MAPPER.readTree(r.body());
    assertThat(doc.get("width").asInt()).isEqualTo(SyntheticData.PAGE_WIDTH);
    JsonNode regions = doc.get("report").get("regions");
    assertThat(regions).isNotEmpty();
    assertThat(regions.get(0).get("width").asInt()).isPositive();
    // the issuer has no registered reference here: found, but nothing to compare with
    assertThat(regions.get(0).get("verdict").asText()).isEqualTo("no_reference");
    HttpResponse<String> list = s.get("/api/v1/declarations/" + id + "/documents", Role.ANALYST);
    assertThat(Json.MAPPER.readTree(list.body()).get(0).get("issuer").asText()).isEqualTo("KR-017");
    HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(s.base + "/api/v1/documents/" + doc.get("id").asLong() + "/image"))
        .header("Authorization", "Bearer " + s.tokens.get(Role.ANALYST)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth()).isEqualTo(SyntheticData.PAGE_WIDTH);
    assertThat(s.get("/api/v1/audit?subject=" + id, Role.SUPERVISOR).body()).contains("document_check");
  }

  @Test
  void documentVerdictsReachTheDecisionOnceChecked() throws Exception {
    String id = Json.MAPPER.readTree(s.get("/api/v1/queue?lane=green&size=1", Role.ANALYST).body())
        .get("rows").get(0).get("id").asText();
    HttpResponse<String> rules = s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"rule \\\"papers\\\" when "
        + "docs.checked >= 1 and docs.suspicious = 0 then lane yellow, reason \\\"papers to read\\\"\"}");
    assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
    try {
      HttpResponse<String> r = upload("/api/v1/declarations/" + id + "/documents?issuer=KR-017&name=invoice.png", page());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(Json.MAPPER.readTree(r.body()).get("lane").asText()).isEqualTo("yellow");
      JsonNode d = Json.MAPPER.readTree(s.get("/api/v1/declarations/" + id, Role.ANALYST).body()).get("decision");
      assertThat(d.get("lane").asText()).isEqualTo("yellow");
      assertThat(d.get("reasons").get(0).get("source").asText()).isEqualTo("rule:papers");
      assertThat(s.get("/api/v1/audit?subject=" + id, Role.SUPERVISOR).body()).contains("decision_revised");
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
  }

  @Test
  void imagesAreRefusedPastThePixelLimitBeforeDecoding() throws Exception {
    String id = Json.MAPPER.readTree(s.get("/api/v1/queue?size=1", Role.ANALYST).body()).get("rows").get(0).get("id").asText();
    HttpResponse<String> bomb = upload("/api/v1/declarations/" + id + "/documents?issuer=KR-1", bomb());
    assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(413);
    assertThat(bomb.body()).contains("pixels");
    HttpResponse<String> text = upload("/api/v1/declarations/" + id + "/documents?issuer=KR-1", "hello".getBytes());
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(upload("/api/v1/declarations/nope/documents?issuer=KR-1", page()).statusCode()).isEqualTo(404);
  }

  /**
   * An upload refused before its body is read still gets its answer: without the drain, Jetty
   * closed the connection under the client still sending, and the client saw a reset instead of
   * the 404 (CI, 2026-12-03: "header parser received no bytes").
   */
  @Test
  void anUploadRefusedBeforeItIsReadIsStillAnswered() throws Exception {
    byte[] large = new byte[4 << 20];
    new Random(3).nextBytes(large);
    for (int i = 0; i < 5; i++) {
      assertThat(upload("/api/v1/declarations/nope/documents?issuer=KR-1", large).statusCode()).isEqualTo(404);
      HttpResponse<String> badToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(s.base + "/api/v1/declarations/nope/documents?issuer=KR-1"))
          .header("Authorization", "Bearer forged").header("Content-Type", "image/png")
          .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(badToken.statusCode()).isEqualTo(401);
    }
  }
}
