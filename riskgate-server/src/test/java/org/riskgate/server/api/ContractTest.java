package org.riskgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * Real answers of the server validated against the response schemas of its own OpenAPI document,
 * for success and error statuses alike: the document is the contract, and drift fails here.
 */
class ContractTest {
  private static TestServer s;
  private static JsonNode doc;
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
    doc = Json.MAPPER.readTree(s.send("GET", "/api/openapi.json", null, null, null).body());
  }

  /** Validates an answer against the schema the document gives its path, method and status. */
  private static JsonNode conforms(HttpResponse<String> r, String path, String method) throws Exception {
    JsonNode response = doc.get("paths").get(path).get(method).get("responses").get(Integer.toString(r.statusCode()));
    assertThat(response).as(method + " " + path + " documents status " + r.statusCode() + ": " + r.body()).isNotNull();
    if (response.has("$ref")) {
      response = doc.at(response.get("$ref").asText().substring(1));
    }
    if (r.statusCode() == 204) {
      assertThat(r.body()).isEmpty();
      return null;
    }
    JsonNode schema = response.at("/content/application~1json/schema");
    assertThat(schema.isMissingNode()).as(method + " " + path + " " + r.statusCode() + " has a schema").isFalse();
    // the schema with the document's components beside it, so that its $refs resolve
    ObjectNode root = ((ObjectNode) schema.deepCopy()).set("components", doc.get("components"));
    JsonSchema validator = SCHEMAS.getSchema(root);
    JsonNode body = Json.MAPPER.readTree(r.body());
    Set<ValidationMessage> problems = validator.validate(body);
    assertThat(problems).as(method + " " + path + " " + r.statusCode() + ": " + r.body()).isEmpty();
    return body;
  }

  private static String declaration(String id) {
    return "{\"id\":\"" + id + "\",\"date\":\"2021-04-01\",\"officeId\":\"30\",\"importerId\":\"CONTRACT1\","
        + "\"hsCode\":\"440890\",\"originCountry\":\"BE\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":1000}";
  }

  @Test
  void aDeclarationItsResultAndTheQueueAnswerAsDocumented() throws Exception {
    JsonNode decision = conforms(s.post("/api/v1/declarations", Role.ANALYST, declaration("CT-1")),
        "/api/v1/declarations", "post");
    String lane = decision.get("lane").asText();
    conforms(s.post("/api/v1/declarations", Role.ANALYST, declaration("CT-1")), "/api/v1/declarations", "post");
    JsonNode before = conforms(s.get("/api/v1/declarations/CT-1", Role.ANALYST), "/api/v1/declarations/{id}", "get");
    assertThat(before.get("declaration").get("fraud").asBoolean()).isFalse();
    conforms(s.put("/api/v1/declarations/CT-1/result", Role.ANALYST, "{\"fraud\":true,\"critical\":1,\"amount\":2500,"
        + "\"note\":\"contract\"}"), "/api/v1/declarations/{id}/result", "put");
    JsonNode after = conforms(s.get("/api/v1/declarations/CT-1", Role.ANALYST), "/api/v1/declarations/{id}", "get");
    assertThat(after.get("declaration").get("fraud").asBoolean()).isTrue();
    assertThat(after.get("result").get("note").asText()).isEqualTo("contract");

    // a lane goes in as it comes out
    JsonNode queue = conforms(s.get("/api/v1/queue?lane=" + lane + "&size=5", Role.ANALYST), "/api/v1/queue", "get");
    assertThat(queue.get("rows")).allSatisfy(row -> assertThat(row.get("lane").asText()).isEqualTo(lane));
    conforms(s.get("/api/v1/queue?status=active&sort=date&dir=asc&size=3", Role.ANALYST), "/api/v1/queue", "get");
    conforms(s.get("/api/v1/queue?lane=purple", Role.ANALYST), "/api/v1/queue", "get");
  }

  @Test
  void aDocumentUploadAnswersWithTheLaneInForce() throws Exception {
    conforms(s.post("/api/v1/declarations", Role.ANALYST, declaration("CT-DOC")), "/api/v1/declarations", "post");
    HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(s.base + "/api/v1/declarations/CT-DOC/documents?issuer=KR-017&name=p.png"))
        .header("Authorization", "Bearer " + s.tokens.get(Role.ANALYST)).header("Content-Type", "image/png")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ChecksApiTest.page())).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode upload = conforms(r, "/api/v1/declarations/{id}/documents", "post");
    String stored = Json.MAPPER.readTree(s.get("/api/v1/declarations/CT-DOC", Role.ANALYST).body())
        .get("decision").get("lane").asText();
    assertThat(upload.get("lane").asText()).isEqualTo(stored);
    ObjectNode root = Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/DocumentUpload");
    root.set("components", doc.get("components"));
    assertThat(SCHEMAS.getSchema(root).validate(((ObjectNode) upload.deepCopy()).put("lane", "RED"))).isNotEmpty();
  }

  @Test
  void theNetworkAroundAPartyAndTheGroupsAnswerAsDocumented() throws Exception {
    // the demo's importer closest to fraud among those with a few links
    String importer = s.platform.profiles().network(ApiRoutes.defaultAsOf(s.platform)).topRisk(200, 3).stream()
        .filter(n -> n.role() == org.riskgate.profiles.PartyRole.IMPORTER).findFirst().orElseThrow().partyId();
    JsonNode net = conforms(s.get("/api/v1/entities/importer/" + importer + "/network?hops=2&limit=40", Role.ANALYST),
        "/api/v1/entities/{role}/{id}/network", "get");
    assertThat(net.get("nodes").get(0).get("id").asText()).isEqualTo(importer);
    assertThat(net.get("nodes").size()).isBetween(2, 40);
    for (JsonNode l : net.get("links")) {
      assertThat(l.get("source").asInt()).isLessThan(net.get("nodes").size());
      assertThat(l.get("target").asInt()).isLessThan(net.get("nodes").size());
    }
    conforms(s.get("/api/v1/entities/importer/NO-SUCH-PARTY/network", Role.ANALYST),
        "/api/v1/entities/{role}/{id}/network", "get");
    assertThat(conforms(s.get("/api/v1/entities/importer/" + importer + "/network?hops=9", Role.ANALYST),
        "/api/v1/entities/{role}/{id}/network", "get").get("status").asInt()).isEqualTo(400);
    conforms(s.send("GET", "/api/v1/entities/importer/" + importer + "/network", null, null, null),
        "/api/v1/entities/{role}/{id}/network", "get");

    JsonNode groups = conforms(s.get("/api/v1/groups?minSize=20", Role.ANALYST), "/api/v1/groups", "get");
    assertThat(groups.get("declarations").asLong()).isPositive();
    conforms(s.get("/api/v1/groups?from=2021-02-01&to=2021-01-01", Role.ANALYST), "/api/v1/groups", "get");
  }

  @Test
  void errorsAnswerAsDocumented() throws Exception {
    assertThat(conforms(s.send("GET", "/api/v1/queue", null, null, null), "/api/v1/queue", "get").get("status").asInt())
        .isEqualTo(401);
    assertThat(conforms(s.get("/api/v1/audit", Role.ANALYST), "/api/v1/audit", "get").get("status").asInt())
        .isEqualTo(403);
    assertThat(conforms(s.get("/api/v1/declarations/NO-SUCH", Role.ANALYST), "/api/v1/declarations/{id}", "get")
        .get("status").asInt()).isEqualTo(404);
    String big = "{\"rules\":\"" + "x".repeat(2 << 20) + "\"}";
    assertThat(conforms(s.put("/api/v1/rules", Role.SUPERVISOR, big), "/api/v1/rules", "put").get("status").asInt())
        .isEqualTo(413);
  }

  @Test
  void theAuditLogAnswersAsDocumented() throws Exception {
    JsonNode page = conforms(s.get("/api/v1/audit?kind=decision&size=2&page=3", Role.SUPERVISOR), "/api/v1/audit", "get");
    assertThat(page.get("entries")).hasSize(2);
    assertThat(page.get("page").asInt()).isEqualTo(3);
  }

  /**
   * Every route of the document called once, as the roles that may and may not, and each answer
   * validated against the schema of its status: a success answer without a schema, or a status
   * the document does not list, fails.
   */
  @Test
  void everyRouteAnswersAsDocumented() throws Exception {
    Role a = Role.ANALYST;
    Role sv = Role.SUPERVISOR;
    Role ad = Role.ADMIN;
    conforms(s.send("POST", "/api/v1/auth/token", null, "application/json",
        "{\"username\":\"ana\",\"password\":\"" + TestServer.PASSWORD + "\",\"label\":\"contract\",\"days\":1}"),
        "/api/v1/auth/token", "post");
    conforms(s.send("POST", "/api/v1/auth/token", null, "application/json",
        "{\"username\":\"ana\",\"password\":\"wrong-but-long\"}"), "/api/v1/auth/token", "post");
    conforms(s.send("POST", "/api/v1/auth/password", null, "application/json", "{\"username\":\"ana\"}"),
        "/api/v1/auth/password", "post");
    conforms(s.send("POST", "/api/v1/batches?name=contract.csv", s.tokens.get(sv), "text/csv",
        "id,date,office_id,importer_id,hs_code,origin_country,tax_rate,net_mass,item_price\n"
            + "CT-B1,2021-04-02,30,CONTRACT2,440890,BE,8,10,1000\n"), "/api/v1/batches", "post");
    conforms(s.post("/api/v1/declarations", Role.ANALYST, declaration("CT-R")), "/api/v1/declarations", "post");
    conforms(s.put("/api/v1/declarations/CT-R/result", a, "{\"fraud\":false}"), "/api/v1/declarations/{id}/result", "put");
    conforms(s.put("/api/v1/declarations/NO-SUCH/result", a, "{\"fraud\":false}"),
        "/api/v1/declarations/{id}/result", "put");
    conforms(s.get("/api/v1/dashboard?from=2020-01-01&to=2021-12-31", a), "/api/v1/dashboard", "get");
    conforms(s.get("/api/v1/dashboard?from=tomorrow", a), "/api/v1/dashboard", "get");
    JsonNode models = conforms(s.get("/api/v1/models", a), "/api/v1/models", "get");
    conforms(s.post("/api/v1/models", sv, "{\"path\":\"/no/such/bundle\"}"), "/api/v1/models", "post");
    conforms(s.post("/api/v1/models", a, "{\"path\":\"/no/such/bundle\"}"), "/api/v1/models", "post");
    conforms(s.post("/api/v1/models/no-such-model/activate", sv, ""), "/api/v1/models/{id}/activate", "post");
    for (String path : java.util.List.of("/api/v1/capacity", "/api/v1/objective", "/api/v1/rules")) {
      JsonNode now = conforms(s.get(path, a), path, "get");
      conforms(s.put(path, sv, now.toString()), path, "put");
      conforms(s.put(path, a, now.toString()), path, "put");
    }
    conforms(s.post("/api/v1/sql", a, "{\"sql\":\"SELECT 1\"}"), "/api/v1/sql", "post");
    conforms(s.post("/api/v1/users", ad, "{\"username\":\"contract-user\",\"password\":\"" + TestServer.PASSWORD
        + "\",\"role\":\"analyst\"}"), "/api/v1/users", "post");
    conforms(s.post("/api/v1/users", ad, "{\"username\":\"contract-user\",\"password\":\"" + TestServer.PASSWORD
        + "\",\"role\":\"analyst\"}"), "/api/v1/users", "post");
    conforms(s.get("/api/v1/users", ad), "/api/v1/users", "get");
    conforms(s.get("/api/v1/users", a), "/api/v1/users", "get");
    conforms(s.post("/api/v1/users/contract-user/disable", ad, ""), "/api/v1/users/{name}/disable", "post");
    conforms(s.post("/api/v1/users/contract-user/enable", ad, ""), "/api/v1/users/{name}/enable", "post");
    JsonNode tokens = conforms(s.get("/api/v1/tokens", ad), "/api/v1/tokens", "get");
    String contractToken = null;
    for (JsonNode t : tokens.isArray() ? tokens : tokens.path("tokens")) {
      if (t.path("label").asText().equals("contract")) {
        contractToken = t.path("id").asText();
      }
    }
    assertThat(contractToken).as("the token issued above is listed: " + tokens).isNotNull();
    conforms(s.post("/api/v1/tokens/" + contractToken + "/revoke", ad, ""), "/api/v1/tokens/{id}/revoke", "post");
    conforms(s.post("/api/v1/tokens/999999/revoke", ad, ""), "/api/v1/tokens/{id}/revoke", "post");
    String importer = s.platform.profiles().network(ApiRoutes.defaultAsOf(s.platform)).topRisk(200, 3).stream()
        .filter(n -> n.role() == org.riskgate.profiles.PartyRole.IMPORTER).findFirst().orElseThrow().partyId();
    conforms(s.get("/api/v1/entities/importer/" + importer, a), "/api/v1/entities/{role}/{id}", "get");
    conforms(s.get("/api/v1/entities/nobody/" + importer, a), "/api/v1/entities/{role}/{id}", "get");
    conforms(s.get("/api/v1/hs/suggest?text=sawn+wood+of+oak&k=3", a), "/api/v1/hs/suggest", "get");
    conforms(s.get("/api/v1/declarations/CT-R/documents", a), "/api/v1/declarations/{id}/documents", "get");
    conforms(s.get("/api/v1/documents/999999/image", a), "/api/v1/documents/{doc}/image", "get");
    conforms(s.get("/api/v1/challenger?percent=10", sv), "/api/v1/challenger", "get");
    conforms(s.post("/api/v1/challenger/promote?percent=10", sv, ""), "/api/v1/challenger/promote", "post");
    conforms(s.post("/api/v1/challenger/retrain", a, ""), "/api/v1/challenger/retrain", "post");
    conforms(s.get("/api/v1/drift", sv), "/api/v1/drift", "get");
    conforms(s.put("/api/v1/watchlists/contract-list", sv, "{\"kind\":\"importer\",\"description\":\"contract\","
        + "\"entries\":[\"CONTRACT9\"]}"), "/api/v1/watchlists/{name}", "put");
    conforms(s.get("/api/v1/watchlists", a), "/api/v1/watchlists", "get");
    conforms(s.get("/api/v1/watchlists/contract-list", a), "/api/v1/watchlists/{name}", "get");
    conforms(s.send("DELETE", "/api/v1/watchlists/contract-list", s.tokens.get(sv), null, null),
        "/api/v1/watchlists/{name}", "delete");
    conforms(s.get("/api/v1/watchlists/contract-list", a), "/api/v1/watchlists/{name}", "get");
    assertThat(models).isNotNull();
  }

  @Test
  void theValidatorRefusesWhatTheDocumentDoesNotAllow() throws Exception {
    ObjectNode root = Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/QueuePage");
    root.set("components", doc.get("components"));
    JsonSchema queuePage = SCHEMAS.getSchema(root);
    JsonNode old = Json.MAPPER.readTree("{\"rows\":[{\"id\":\"X\",\"lane\":\"RED\"}],\"total\":1,\"page\":1,\"size\":50}");
    assertThat(queuePage.validate(old)).isNotEmpty();
  }

  /**
   * Every operation of the document: a schema for each success that has a body (an image is
   * bytes), 401 where a token is needed, 413 where a body is read, and 429 and 503 with their
   * wait everywhere (the token rate and the admission queue are in front of every route).
   */
  @Test
  void everyOperationDocumentsItsAnswers() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
      String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
      JsonNode responses = op.getValue().get("responses");
      responses.fieldNames().forEachRemaining(code -> {
        JsonNode r = responses.get(code);
        if (code.startsWith("2") && !code.equals("204") && !r.has("$ref")
            && r.at("/content").findValues("schema").isEmpty()) {
          missing.add(where + " " + code + ": no schema");
        }
      });
      java.util.List<String> needed = new java.util.ArrayList<>(java.util.List.of("400", "429", "503"));
      if (!p.getKey().startsWith("/api/v1/auth/")) {
        needed.add("401");
      }
      if (op.getValue().has("requestBody")) {
        needed.add("413");
      }
      if (p.getKey().contains("{")) {
        needed.add("404");
      }
      for (String code : needed) {
        if (!responses.has(code)) {
          missing.add(where + ": no " + code);
        }
      }
    }));
    assertThat(missing).isEmpty();
    assertThat(doc.at("/components/responses/RetryLater/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
  }

  @Test
  void theLaneIsAnEnumInTheDocument() {
    assertThat(doc.at("/components/schemas/Lane/enum").toString()).isEqualTo("[\"red\",\"yellow\",\"green\"]");
    assertThat(doc.at("/paths/~1api~1v1~1queue/get/parameters/0/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Lane");
    assertThat(doc.at("/components/schemas/CaseStatus/enum").toString())
        .isEqualTo("[\"open\",\"assigned\",\"inspecting\",\"closed\"]");
    // an inspection's outcome: no fraud (0), fraud (1), critical fraud (2), in and out alike
    assertThat(doc.at("/components/schemas/Outcome/properties/criticalFraud/enum").toString()).isEqualTo("[0,1,2]");
    assertThat(doc.at("/components/schemas/InspectionResult/properties/critical/enum").toString()).isEqualTo("[0,1,2]");
  }
}
