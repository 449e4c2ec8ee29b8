package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/** The API end to end on the demo platform: ingest, decide, queue, explain, record, dashboard. */
class ApiFlowTest {
  static TestServer s;
  static List<String> lines;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
    lines = Files.readAllLines(Fixtures.DATA.resolve("df_syn_valid_eng.csv"));
  }

  /** Rows of the public file with fresh ids, so the batch is new to the store. */
  private static String csv(String prefix, int from, int n) {
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = from; i < from + n; i++) {
      b.append(prefix).append(lines.get(i)).append('\n');
    }
    return b.toString();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static long count(String sql) throws Exception {
    try (Connection c = s.platform.db().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aBatchWithOneBadRowIsRefusedWholeWithItsRejects() throws Exception {
    String good = csv("B1-", 1, 40);
    String[] rows = good.split("\n");
    // row 11 of the file (line 12 with the header) gets an HS code that is not digits
    rows[11] = rows[11].replace(",440", ",ABC").replaceFirst("(,[^,]*){0}", "");
    List<String> cells = new ArrayList<>(List.of(rows[11].split(",", -1)));
    cells.set(12, "HSCODE");
    rows[11] = String.join(",", cells);
    long before = s.platform.declarations().count();
    long auditBefore = count("SELECT COUNT(*) FROM audit_log");
    HttpResponse<String> r = s.send("POST", "/api/v1/batches?name=bad.csv", s.tokens.get(Role.ANALYST), "text/csv",
        String.join("\n", rows) + "\n");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode details = json(r).get("details");
    assertThat(details).hasSize(1);
    assertThat(details.get(0).get("file").asText()).isEqualTo("bad.csv");
    assertThat(details.get(0).get("line").asLong()).isEqualTo(12);
    assertThat(details.get(0).get("value").asText()).isEqualTo("HSCODE");
    assertThat(s.platform.declarations().count()).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(auditBefore);

    HttpResponse<String> ok = s.send("POST", "/api/v1/batches?name=good.csv", s.tokens.get(Role.ANALYST), "text/csv", good);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(json(ok).get("stored").asInt()).isEqualTo(40);
    assertThat(s.platform.declarations().count()).isEqualTo(before + 40);
    // every decision of the batch is in the audit log, with the user who sent it
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE kind = 'decision' AND actor = 'ana' AND subject LIKE 'B1-%'"))
        .isEqualTo(40);

    HttpResponse<String> again = s.send("POST", "/api/v1/batches?name=good.csv", s.tokens.get(Role.ANALYST), "text/csv",
        csv("B2-", 1, 5) + good.substring(good.indexOf('\n') + 1));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(s.platform.declarations().find("B2-" + lines.get(1).split(",")[0])).isEmpty();
  }

  @Test
  void everyStoredDecisionHasItsAuditLine() throws Exception {
    assertThat(count("SELECT COUNT(*) FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
        + " WHERE a.kind = 'decision' AND a.subject = d.declaration_id)")).isZero();
  }

  @Test
  void singleDeclarationIsScoredExplainedAndResultRecorded() throws Exception {
    String body = "{\"id\":\"S-1\",\"date\":\"2021-04-02\",\"officeId\":\"30\",\"importerId\":\"QLRUBN9\","
        + "\"declarantId\":\"ZZR1LT6\",\"hsCode\":\"440890\",\"originCountry\":\"BE\",\"departureCountry\":\"BE\","
        + "\"taxRate\":0,\"netMass\":108,\"itemPrice\":372254.4}";
    HttpResponse<String> r = s.post("/api/v1/declarations", Role.ANALYST, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode d = json(r);
    assertThat(d.get("lane").asText()).isIn("red", "yellow", "green");
    assertThat(d.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(d.get("bundleId").asText()).isEqualTo(s.platform.decisions().config().bundle().id());
    assertThat(s.post("/api/v1/declarations", Role.ANALYST, body).statusCode()).isEqualTo(409);

    JsonNode got = json(s.get("/api/v1/declarations/S-1", Role.ANALYST));
    assertThat(got.get("declaration").get("importerId").asText()).isEqualTo("QLRUBN9");
    assertThat(got.get("decision").get("score").asDouble()).isEqualTo(d.get("score").asDouble());

    long recorded = json(s.get("/api/v1/dashboard", Role.ANALYST)).get("recordedResults").asLong();
    HttpResponse<String> res = s.put("/api/v1/declarations/S-1/result", Role.ANALYST,
        "{\"fraud\":true,\"critical\":1,\"amount\":1500,\"note\":\"undervalued\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(json(s.get("/api/v1/dashboard", Role.ANALYST)).get("recordedResults").asLong()).isEqualTo(recorded + 1);
    JsonNode audit = json(s.get("/api/v1/audit?subject=S-1", Role.SUPERVISOR)).get("entries");
    assertThat(audit.get(0).get("kind").asText()).isEqualTo("inspection_result");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo("ana");
    assertThat(audit.get(1).get("kind").asText()).isEqualTo("decision");
    assertThat(s.put("/api/v1/declarations/none/result", Role.ANALYST, "{\"fraud\":false}").statusCode()).isEqualTo(404);
  }

  @Test
  void redDeclarationsCarryReasons() throws Exception {
    JsonNode page = json(s.get("/api/v1/queue?lane=red&size=20", Role.ANALYST));
    assertThat(page.get("total").asLong()).isPositive();
    double last = 2;
    for (JsonNode row : page.get("rows")) {
      assertThat(row.get("lane").asText()).isEqualTo("red");
      assertThat(row.get("score").asDouble()).isLessThanOrEqualTo(last);
      last = row.get("score").asDouble();
      if (!row.get("randomPick").asBoolean()) {
        assertThat(row.get("topReasons")).isNotEmpty();
      }
    }
    String id = page.get("rows").get(0).get("id").asText();
    JsonNode c = json(s.get("/api/v1/declarations/" + id, Role.ANALYST));
    assertThat(c.get("decision").get("reasons").get(0).get("source").asText()).isNotBlank();
  }

  @Test
  void rulesAndCapacityChangeDecisionsAndAreAudited() throws Exception {
    String rule = "rule \\\"wood-from-belgium\\\" owner \\\"test\\\" when hs6 = \\\"440890\\\" and origin = \\\"BE\\\""
        + " then lane red, reason \\\"timber alert\\\"";
    HttpResponse<String> set = s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"" + rule + "\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    try {
      HttpResponse<String> r = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"RULE-1\",\"date\":\"2021-04-03\","
          + "\"importerId\":\"ANY\",\"hsCode\":\"440890\",\"originCountry\":\"BE\",\"taxRate\":0,\"netMass\":1,\"itemPrice\":1}");
      JsonNode d = json(r);
      assertThat(d.get("lane").asText()).isEqualTo("red");
      assertThat(d.get("rulesHit").get(0).asText()).isEqualTo("wood-from-belgium");
      assertThat(d.get("reasons").get(0).get("text").asText()).isEqualTo("timber alert");
      assertThat(json(s.get("/api/v1/audit?subject=rules", Role.SUPERVISOR)).get("entries").get(0).get("detail").asText())
          .contains("wood-from-belgium");
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
  }

  @Test
  void rulesCanTestThePartiesProfiles() throws Exception {
    // QLRUBN9 imports in the 2020 history the profiles start from; NEWCOMER-1 never did
    String rule = "rule \\\"known-importer\\\" when importer.declarations >= 1 then add 0.0,"
        + " reason \\\"importer known for \\\"";
    HttpResponse<String> set = s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"" + rule + "\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    try {
      String body = "{\"id\":\"%s\",\"date\":\"2021-04-05\",\"importerId\":\"%s\",\"hsCode\":\"440890\","
          + "\"taxRate\":0,\"netMass\":1,\"itemPrice\":1}";
      JsonNode known = json(s.post("/api/v1/declarations", Role.ANALYST, body.formatted("PROF-1", "QLRUBN9")));
      assertThat(known.get("rulesHit")).extracting(JsonNode::asText).containsExactly("known-importer");
      JsonNode unknown = json(s.post("/api/v1/declarations", Role.ANALYST, body.formatted("PROF-2", "NEWCOMER-1")));
      assertThat(unknown.get("rulesHit")).isEmpty();
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
  }

  @Test
  void modelsAreListedWithEvaluation() throws Exception {
    JsonNode models = json(s.get("/api/v1/models", Role.ANALYST));
    assertThat(models).hasSize(1);
    assertThat(models.get(0).get("active").asBoolean()).isTrue();
    assertThat(models.get(0).get("evaluation").get("metrics").get("auc").asDouble()).isGreaterThan(0.6);
    assertThat(models.get(0).get("provenance").get("trainingSha256").asText()).hasSize(64);
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() throws Exception {
    HttpResponse<String> r = s.send("GET", "/api/openapi.json", null, null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = json(r).get("paths");
    List<String> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      var e = it.next();
      e.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + e.getKey()));
    }
    List<String> served = s.server.routes().stream().map(x -> x.method() + " " + x.path()).toList();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    for (ApiRoute route : s.server.routes()) {
      JsonNode op = paths.get(route.path()).get(route.method().toLowerCase());
      assertThat(op.has("x-riskgate-role")).as(route.path()).isEqualTo(route.role().isPresent());
      route.role().ifPresent(role -> assertThat(op.get("x-riskgate-role").asText()).isEqualTo(role.label()));
    }
  }
}
