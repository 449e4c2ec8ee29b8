package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.lake.LakeImporter;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Json;
import org.riskgate.server.Platform;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.lab.DataLab;
import org.riskgate.server.store.AuditEntry;
import org.riskgate.server.store.AuditLog;

/**
 * The analysts' SQL page and {@code POST /api/v1/sql} over a small lake imported here: answers as
 * a table and a chart, one audit line per query, saved queries per user, hostile queries refused
 * with nothing written, and the time limit.
 */
class SqlPageTest {
  static Path dir;
  static Path lakeDir;
  static Map<String, Long> perMonth;
  static TestServer s;
  static Map<String, Long> filesBefore;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("riskgate-sql");
    // every 20th declaration of the validation quarter: a few hundred rows over its three months
    List<String> lines = Files.readAllLines(Fixtures.DATA.resolve("df_syn_valid_eng.csv"));
    List<String> sample = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < lines.size(); i += 20) {
      sample.add(lines.get(i));
    }
    Path csv = dir.resolve("sample.csv");
    Files.write(csv, sample);
    lakeDir = dir.resolve("lake");
    new LakeImporter(lakeDir, ColumnMapping.defaults(), n -> {}).importFile(csv);
    List<Declaration> rows = DeclarationReader.readAll(csv, ColumnMapping.defaults(), new Platform.Collected());
    perMonth = rows.stream().collect(Collectors.groupingBy(d -> d.date().toString().substring(0, 7), TreeMap::new,
        Collectors.counting()));
    assertThat(perMonth).hasSizeGreaterThan(1);
    Files.createDirectories(dir.resolve("server"));
    filesBefore = files(dir);
    s = TestServer.start(dir.resolve("server"), Optional.empty(), 1 << 20, false, c -> c.withLake(lakeDir));
  }

  /** Every file under the directory but the server's own data, with its size. */
  private static Map<String, Long> files(Path root) throws java.io.IOException {
    try (var all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("server")))
          .collect(Collectors.toMap(p -> root.relativize(p).toString(), p -> p.toFile().length(), (a, b) -> a,
              TreeMap::new));
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static String csrf(HostileIdTest.WebSession web) throws Exception {
    return Jsoup.parse(web.get("/sql").body()).selectFirst("#sql-form input[name=_csrf]").attr("value");
  }

  private static HttpResponse<String> run(HostileIdTest.WebSession web, String sql, String seconds) throws Exception {
    return web.form("/sql", "action=run&rows=1000&seconds=" + seconds + "&sql=" + enc(sql) + "&_csrf=" + csrf(web));
  }

  private static AuditEntry lastQuery() {
    return AuditLog.latest(s.platform.db(), DataLab.AUDIT_SUBJECT, 1).get(0);
  }

  @Test
  void aQueryOnThePageIsAnsweredAsATableAndAChartAndAudited() throws Exception {
    HostileIdTest.WebSession web = HostileIdTest.WebSession.login(s, "ana");
    String sql = "SELECT month, count(*) AS n FROM declarations GROUP BY month ORDER BY month";
    HttpResponse<String> r = run(web, sql, "10");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("#sql-result thead th").eachText()).containsExactly("month", "n");
    Map<String, Long> shown = new TreeMap<>();
    for (Element tr : page.select("#sql-result tbody tr")) {
      shown.put(tr.child(0).text(), Long.parseLong(tr.child(1).text()));
    }
    assertThat(shown).isEqualTo(perMonth);
    assertThat(page.selectFirst("textarea[name=sql]").wholeText()).isEqualTo(sql);

    JsonNode chart = Json.MAPPER.readTree(page.selectFirst("script#sql-data").data());
    assertThat(chart.get("type").asText()).isEqualTo("bar");
    assertThat(chart.get("y").asText()).isEqualTo("n");
    List<String> labels = new ArrayList<>();
    chart.get("labels").forEach(l -> labels.add(l.asText()));
    assertThat(labels).containsExactlyElementsOf(perMonth.keySet());
    assertThat(page.select("canvas#sql-chart")).hasSize(1);

    AuditEntry a = lastQuery();
    assertThat(a.actor()).isEqualTo("ana");
    assertThat(a.kind()).isEqualTo(DataLab.AUDIT_KIND);
    JsonNode detail = Json.MAPPER.readTree(a.detail());
    assertThat(detail.get("sql").asText()).isEqualTo(sql);
    assertThat(detail.get("sha256").asText()).hasSize(64);
    assertThat(detail.get("outcome").asText()).isEqualTo("answered");
    assertThat(detail.get("rows").asInt()).isEqualTo(perMonth.size());
  }

  @Test
  void theApiAnswersWithTheSameEngineAndCutsAtTheRowLimit() throws Exception {
    HttpResponse<String> r = s.post("/api/v1/sql", Role.ANALYST,
        "{\"sql\":\"SELECT declaration_id, date FROM declarations ORDER BY declaration_id\",\"limit\":3}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = Json.MAPPER.readTree(r.body());
    assertThat(b.get("columns")).hasSize(2);
    assertThat(b.get("types").get(1).asText()).isEqualTo("DATE");
    assertThat(b.get("rows")).hasSize(3);
    assertThat(b.get("rows").get(0).get(1).asText()).matches("2021-0[1-3]-\\d\\d");
    assertThat(b.get("truncated").asBoolean()).isTrue();
    AuditEntry a = lastQuery();
    assertThat(a.actor()).isEqualTo("ana");
    assertThat(Json.MAPPER.readTree(a.detail()).get("rows").asInt()).isEqualTo(3);

    assertThat(s.post("/api/v1/sql", Role.ANALYST, "{\"sql\":\"SELECT 1\",\"limit\":0}").statusCode()).isEqualTo(400);
    assertThat(s.post("/api/v1/sql", Role.ANALYST, "{\"sql\":\"SELECT 1\",\"seconds\":3600}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void noOneWithoutASessionOrTokenOrTheFormsTokenRunsAQuery() throws Exception {
    long before = AuditLog.count(s.platform.db());
    assertThat(s.send("POST", "/api/v1/sql", null, "application/json", "{\"sql\":\"SELECT 1\"}").statusCode())
        .isEqualTo(401);
    assertThat(s.send("POST", "/api/v1/sql", "forged", "application/json", "{\"sql\":\"SELECT 1\"}").statusCode())
        .isEqualTo(401);
    HostileIdTest.WebSession web = HostileIdTest.WebSession.login(s, "ana");
    assertThat(web.form("/sql", "action=run&rows=10&seconds=5&sql=SELECT+1&_csrf=forged").statusCode()).isEqualTo(403);
    assertThat(web.form("/sql", "action=run&rows=10&seconds=5&sql=SELECT+1").statusCode()).isEqualTo(403);
    HostileIdTest.WebSession anonymous = new HostileIdTest.WebSession(s);
    assertThat(anonymous.form("/sql", "action=run&rows=10&seconds=5&sql=SELECT+1").statusCode()).isEqualTo(401);
    assertThat(AuditLog.count(s.platform.db())).as("nothing ran").isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT * FROM declarations) TO '%DIR%/out.csv'",
      "ATTACH '%DIR%/other.db' AS other",
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_text('%LAKE%/manifest.json')",
      "SELECT 1; SELECT 2",
      "SELECT 1; COPY (SELECT 1) TO '%DIR%/out.csv'",
      "INSTALL httpfs",
      "CREATE TABLE t AS SELECT * FROM declarations"})
  void hostileQueriesAreRefusedOnThePageAndTheApiAndWriteNothing(String hostile) throws Exception {
    String sql = hostile.replace("%DIR%", dir.toString()).replace("%LAKE%", lakeDir.toString());
    HostileIdTest.WebSession web = HostileIdTest.WebSession.login(s, "ana");
    HttpResponse<String> r = run(web, sql, "10");
    assertThat(r.statusCode()).as(sql).isEqualTo(400);
    Document page = Jsoup.parse(r.body());
    assertThat(page.selectFirst("#sql-error").text()).as(sql).isNotBlank();
    assertThat(page.select("#sql-result")).isEmpty();
    assertThat(page.selectFirst("textarea[name=sql]").wholeText()).as("the typed text is kept").isEqualTo(sql);
    JsonNode detail = Json.MAPPER.readTree(lastQuery().detail());
    assertThat(detail.get("outcome").asText()).isEqualTo("refused");
    assertThat(detail.get("sql").asText()).isEqualTo(sql);

    HttpResponse<String> api = s.post("/api/v1/sql", Role.ANALYST, Json.write(Map.of("sql", sql)));
    assertThat(api.statusCode()).as(sql + ": " + api.body()).isEqualTo(400);
    assertThat(api.body()).doesNotContain("root:");
    assertThat(dir.resolve("out.csv")).doesNotExist();
    assertThat(dir.resolve("other.db")).doesNotExist();
    assertThat(files(dir)).as("nothing written, in the lake or beside it").isEqualTo(filesBefore);
  }

  @Test
  void aQueryPastItsTimeLimitIsStopped() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = s.post("/api/v1/sql", Role.ANALYST,
        "{\"sql\":\"SELECT count(*) FROM range(1000000000000) a, declarations b\",\"seconds\":1}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("time limit");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(Json.MAPPER.readTree(lastQuery().detail()).get("reason").asText()).contains("time limit");
  }

  @Test
  void savedQueriesAreEachUsersOwn() throws Exception {
    HostileIdTest.WebSession ana = HostileIdTest.WebSession.login(s, "ana");
    String sql = "SELECT office_id, count(*) FROM declarations GROUP BY 1 ORDER BY 2 DESC";
    String name = "<b>offices</b> & counts";
    HttpResponse<String> saved = ana.form("/sql", "action=save&rows=1000&seconds=10&name=" + enc(name)
        + "&sql=" + enc(sql) + "&_csrf=" + csrf(ana));
    assertThat(saved.statusCode()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/sql\\?saved=\\d+");

    Document list = Jsoup.parse(ana.get("/sql").body());
    Element link = list.selectFirst("#saved li a");
    assertThat(link.text()).isEqualTo(name);
    assertThat(list.select("#saved b")).as("the name is text, not markup").isEmpty();
    assertThat(link.attr("href")).isEqualTo(location);
    Document opened = Jsoup.parse(ana.get(location).body());
    assertThat(opened.selectFirst("textarea[name=sql]").wholeText()).isEqualTo(sql);
    assertThat(opened.selectFirst("input[name=name]").attr("value")).isEqualTo(name);
    assertThat(AuditLog.latest(s.platform.db(), DataLab.AUDIT_SUBJECT, 1).get(0).kind()).isEqualTo("sql_saved");

    HostileIdTest.WebSession sue = HostileIdTest.WebSession.login(s, "sue");
    assertThat(sue.get(location).statusCode()).as("another user's query").isEqualTo(404);
    assertThat(Jsoup.parse(sue.get("/sql").body()).select("#saved li")).isEmpty();
    String id = location.substring(location.indexOf('=') + 1);
    assertThat(sue.form("/sql/saved/" + id + "/delete", "_csrf=" + csrf(sue)).statusCode()).isEqualTo(404);

    Element delete = list.selectFirst("#saved li form");
    assertThat(ana.form(delete.attr("action"), "_csrf=" + csrf(ana)).statusCode()).isEqualTo(302);
    assertThat(Jsoup.parse(ana.get("/sql").body()).select("#saved li")).isEmpty();
  }

  /** A Korean analyst reads DuckDB's refusal and a missing saved query in Korean; the API keeps DuckDB's English. */
  @Test
  void aKoreanAnalystReadsTheDatabasesRefusalAndAMissingSavedQueryInKorean() throws Exception {
    s.platform.auth().createUser("kosql", TestServer.PASSWORD, Role.ANALYST, false, "test");
    s.platform.users().setLocale("kosql", "ko");
    HostileIdTest.WebSession ko = HostileIdTest.WebSession.login(s, "kosql");
    HttpResponse<String> typo = run(ko, "SELECT offce_id FROM declarations", "10");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(typo.body()).selectFirst("#sql-error").text())
        .isEqualTo("\"offce_id\" 열이 없습니다: declarations 표의 열 이름을 확인하세요");
    assertThat(Jsoup.parse(run(ko, "SELECT count(*) FORM declarations", "10").body()).selectFirst("#sql-error").text())
        .isEqualTo("SQL 문법 오류: \"declarations\" 근처를 읽을 수 없습니다");
    assertThat(s.post("/api/v1/sql", Role.ANALYST, Json.write(Map.of("sql", "SELECT offce_id FROM declarations")))
        .body()).contains("Referenced column \\\"offce_id\\\" not found");

    HttpResponse<String> missing = ko.get("/sql?saved=987654");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(missing.body()).selectFirst("#error-message").text()).isEqualTo("저장한 조회 987654이(가) 없습니다");
    assertThat(Jsoup.parse(ko.get("/sql?saved=abc").body()).selectFirst("#error-message").text())
        .isEqualTo("그런 번호의 저장한 조회가 없습니다 (번호는 숫자입니다)");
  }

  @Test
  void anAnalystRunsAQueryInTheBrowserAndSeesTheTableAndTheChart() throws Exception {
    Path chromium = BrowserTest.chromium();
    Files.createDirectories(BrowserTest.SCREENSHOTS);
    try (var pw = BrowserTest.playwright(); var browser = BrowserTest.launch(pw, chromium)) {
      var page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1400, 900))
          .newPage();
      page.navigate(s.base + "/sql");
      page.waitForURL("**/login");
      page.fill("input[name=username]", "ana");
      page.fill("input[name=password]", TestServer.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/queue");
      page.click("nav a[href='/sql']");
      page.waitForURL("**/sql");
      page.fill("textarea[name=sql]", "SELECT month, count(*) AS n FROM declarations GROUP BY month ORDER BY month");
      page.click("#run");
      page.waitForSelector("#sql-result");
      assertThat(page.locator("#sql-result tbody tr").allTextContents()).hasSize(perMonth.size());
      assertThat(page.locator("#sql-result tbody tr td:first-child").allTextContents())
          .containsExactlyElementsOf(perMonth.keySet());
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('sql-chart'))");
      page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
          .setPath(BrowserTest.SCREENSHOTS.resolve("sql.png")).setFullPage(true));
    }
  }

  @Test
  void withoutALakeThePageSaysSo() throws Exception {
    TestServer plain = TestServer.shared();
    HostileIdTest.WebSession web = HostileIdTest.WebSession.login(plain, "ana");
    Document page = Jsoup.parse(web.get("/sql").body());
    assertThat(page.selectFirst("#no-lake").text()).contains("--lake");
    HttpResponse<String> r = web.form("/sql", "action=run&rows=10&seconds=5&sql=SELECT+1&_csrf="
        + page.selectFirst("#sql-form input[name=_csrf]").attr("value"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(r.body()).selectFirst("#sql-error").text()).contains("no lake is configured");
    HttpResponse<String> api = plain.post("/api/v1/sql", Role.ANALYST, "{\"sql\":\"SELECT 1\"}");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).contains("--lake");
  }
}
