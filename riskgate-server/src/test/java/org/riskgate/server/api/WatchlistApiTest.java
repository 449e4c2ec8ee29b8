package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * Watchlists through the API: supervisors maintain them (audited), rules test them with {@code in
 * watchlist}, and every single decision carries the evidence of the checks (watchlist, HS) with
 * its decisive reason first and its context.
 */
class WatchlistApiTest {
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static String declaration(String id, String importer, String hs) {
    return "{\"id\":\"" + id + "\",\"date\":\"2021-04-06\",\"importerId\":\"" + importer + "\",\"hsCode\":\"" + hs
        + "\",\"originCountry\":\"BE\",\"taxRate\":0,\"netMass\":1,\"itemPrice\":1}";
  }

  @Test
  void supervisorsMaintainWatchlistsThatRulesTestAndDecisionsName() throws Exception {
    String list = "{\"kind\":\"importer\",\"description\":\"tip-off 2021-04\",\"entries\":[\"WATCHED1\"]}";
    assertThat(s.put("/api/v1/watchlists/tip-offs", Role.ANALYST, list).statusCode()).isEqualTo(403);
    HttpResponse<String> created = s.put("/api/v1/watchlists/tip-offs", Role.SUPERVISOR, list);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(s.get("/api/v1/watchlists/tip-offs", Role.ANALYST)).get("entries").get(0).asText())
        .isEqualTo("WATCHED1");
    JsonNode audit = json(s.get("/api/v1/audit?subject=watchlist:tip-offs", Role.SUPERVISOR)).get("entries");
    assertThat(audit.get(0).get("kind").asText()).isEqualTo("watchlist_created");
    assertThat(audit.get(0).get("detail").asText()).contains("WATCHED1");

    HttpResponse<String> rules = s.put("/api/v1/rules", Role.SUPERVISOR,
        "{\"rules\":\"rule \\\"tipped\\\" when importer in watchlist \\\"tip-offs\\\" then lane red, reason \\\"tip-off\\\"\"}");
    assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
    try {
      JsonNode d = json(s.post("/api/v1/declarations", Role.ANALYST, declaration("WL-1", "WATCHED1", "440890")));
      assertThat(d.get("lane").asText()).isEqualTo("red");
      JsonNode first = d.get("reasons").get(0);
      assertThat(first.get("source").asText()).isEqualTo("rule:tipped");
      assertThat(first.get("decisive").asBoolean()).isTrue();
      assertThat(d.get("reasons").toString()).contains("importer WATCHED1 is on watchlist \\\"tip-offs\\\" (tip-off 2021-04)");
      assertThat(d.get("context").get("policy").asText()).isEqualTo("THRESHOLDS");
      // the stored decision reads back with its context
      JsonNode stored = json(s.get("/api/v1/declarations/WL-1", Role.ANALYST)).get("decision");
      assertThat(stored.get("context")).isEqualTo(d.get("context"));
      assertThat(stored.get("reasons")).isEqualTo(d.get("reasons"));

      // a list the rules test cannot be deleted; once the rules leave it, it can, and is audited
      assertThat(s.send("DELETE", "/api/v1/watchlists/tip-offs", s.tokens.get(Role.SUPERVISOR), null, null)
          .statusCode()).isEqualTo(409);
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
    JsonNode later = json(s.post("/api/v1/declarations", Role.ANALYST, declaration("WL-2", "WATCHED1", "440890")));
    assertThat(later.get("reasons").toString()).contains("is on watchlist");
    assertThat(s.send("DELETE", "/api/v1/watchlists/tip-offs", s.tokens.get(Role.SUPERVISOR), null, null)
        .statusCode()).isEqualTo(204);
    assertThat(s.get("/api/v1/watchlists/tip-offs", Role.ANALYST).statusCode()).isEqualTo(404);
    assertThat(json(s.get("/api/v1/audit?subject=watchlist:tip-offs", Role.SUPERVISOR)).get("entries").get(0).get("kind").asText())
        .isEqualTo("watchlist_deleted");
    JsonNode after = json(s.post("/api/v1/declarations", Role.ANALYST, declaration("WL-3", "WATCHED1", "440890")));
    assertThat(after.get("reasons").toString()).doesNotContain("is on watchlist");
  }

  @Test
  void aCodeOutsideHs2022IsAnHsReasonAndRulesCanTestIt() throws Exception {
    HttpResponse<String> rules = s.put("/api/v1/rules", Role.SUPERVISOR,
        "{\"rules\":\"rule \\\"bad-code\\\" when hs.not_in_nomenclature = 1 then lane yellow, reason \\\"no such code\\\"\"}");
    assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
    try {
      JsonNode d = json(s.post("/api/v1/declarations", Role.ANALYST, declaration("HS-999", "ANY", "999999")));
      assertThat(d.get("rulesHit").get(0).asText()).isEqualTo("bad-code");
      assertThat(d.get("reasons").toString()).contains("\"source\":\"hs\"")
          .contains("declared 999999 is not an HS 2022 code");
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
  }

  @Test
  void badWatchlistsAreRefusedWithTheirField() throws Exception {
    HttpResponse<String> r = s.put("/api/v1/watchlists/steel", Role.SUPERVISOR, "{\"kind\":\"hs\",\"entries\":[\"72x\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("an HS watchlist entry is 2 to 10 digits");
    assertThat(s.put("/api/v1/watchlists/steel", Role.SUPERVISOR, "{\"kind\":\"ships\",\"entries\":[]}").body())
        .contains("field 'kind'");
  }
}
