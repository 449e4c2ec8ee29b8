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

  @Test
  void theValidatorRefusesWhatTheDocumentDoesNotAllow() throws Exception {
    ObjectNode root = Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/QueuePage");
    root.set("components", doc.get("components"));
    JsonSchema queuePage = SCHEMAS.getSchema(root);
    JsonNode old = Json.MAPPER.readTree("{\"rows\":[{\"id\":\"X\",\"lane\":\"RED\"}],\"total\":1,\"page\":1,\"size\":50}");
    assertThat(queuePage.validate(old)).isNotEmpty();
  }

  @Test
  void theLaneIsAnEnumInTheDocument() {
    assertThat(doc.at("/components/schemas/Lane/enum").toString()).isEqualTo("[\"red\",\"yellow\",\"green\"]");
    assertThat(doc.at("/paths/~1api~1v1~1queue/get/parameters/0/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Lane");
  }
}
