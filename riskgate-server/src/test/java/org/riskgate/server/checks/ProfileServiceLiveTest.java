package org.riskgate.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * Finding 2 of issue 13: profiles follow the store as it changes, declaration by declaration and
 * result by result, where they were rebuilt from every stored declaration at most once a minute
 * (stale in between) and after each result (stalling every scoring request meanwhile). The load
 * half of the finding is measured by {@code bench/server-load.sh}.
 */
class ProfileServiceLiveTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-live"), Optional.empty(), 1 << 20, false);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static JsonNode post(String id, String date) throws Exception {
    HttpResponse<String> r = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"" + id + "\",\"date\":\"" + date
        + "\",\"importerId\":\"NEWIMP\",\"hsCode\":\"440890\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":100}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void aStoredDeclarationAndARecordedResultCountAtOnce() throws Exception {
    String rules = "rule \\\"seen\\\" when importer.declarations >= 1 then add 0.0, reason \\\"seen before\\\"\\n"
        + "rule \\\"caught\\\" when importer.inspected >= 1 and importer.raw_hit_rate >= 1 then add 0.0,"
        + " reason \\\"caught before\\\"";
    HttpResponse<String> set = s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"" + rules + "\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(post("LIVE-1", "2021-04-01").get("rulesHit")).isEmpty();
    // the importer's first declaration is known to the next one, seconds later, not a minute later
    assertThat(post("LIVE-2", "2021-04-02").get("rulesHit")).extracting(JsonNode::asText).containsExactly("seen");
    assertThat(s.put("/api/v1/declarations/LIVE-1/result", Role.ANALYST, "{\"fraud\":true,\"critical\":1}")
        .statusCode()).isEqualTo(200);
    assertThat(post("LIVE-3", "2021-04-03").get("rulesHit")).extracting(JsonNode::asText)
        .containsExactly("seen", "caught");
    // a correction takes the fraud back
    assertThat(s.put("/api/v1/declarations/LIVE-1/result", Role.ANALYST, "{\"fraud\":false}").statusCode())
        .isEqualTo(200);
    assertThat(post("LIVE-4", "2021-04-04").get("rulesHit")).extracting(JsonNode::asText).containsExactly("seen");
    JsonNode profile = Json.MAPPER.readTree(s.get("/api/v1/entities/importer/NEWIMP?asOf=2021-04-05", Role.ANALYST)
        .body()).get("profile");
    assertThat(profile.get("declarations").asLong()).isEqualTo(4);
    assertThat(profile.get("inspected").asLong()).isEqualTo(1);
    assertThat(profile.get("frauds").asLong()).isZero();
  }
}
