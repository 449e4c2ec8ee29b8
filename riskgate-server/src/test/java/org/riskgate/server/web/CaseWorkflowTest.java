package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.Json;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.CaseStatus;

/**
 * Cases through the web UI: the open-only queue, bulk assignment and closing, my cases, sort and
 * paging, comments and history, the result form, exports, the audit page and its API.
 */
class CaseWorkflowTest {
  private static TestServer s;
  private static HostileIdTest.WebSession web;
  private static String csrf;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
    web = HostileIdTest.WebSession.login(s, "sue");
    csrf = Jsoup.parse(web.get("/queue").body()).selectFirst("input[name=_csrf]").attr("value");
  }

  private static Document page(String path) throws Exception {
    HttpResponse<String> r = web.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  private static List<String> ids(Document d) {
    return d.select("#queue tbody th a").eachText();
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  @Test
  void theDefaultQueueHoldsOpenCasesOnly() throws Exception {
    Document d = page("/queue?size=200");
    assertThat(d.select("#queue tbody tr")).isNotEmpty();
    assertThat(d.select("#queue tbody .lane.green")).isEmpty();
    for (Element status : d.select("#queue tbody .status")) {
      assertThat(status.text()).isNotEqualTo("closed");
    }
    // every declaration, green ones included, when asked for
    assertThat(page("/queue?status=all&lane=green").select("#queue tbody .lane.green")).isNotEmpty();
  }

  @Test
  void thePagerKeepsThePageSizeAndAPagePastTheEndIsTheLast() throws Exception {
    Document d = page("/queue?status=all&size=20");
    String next = d.selectFirst("#next-page").attr("href");
    assertThat(next).contains("size=20").contains("page=2");
    List<String> first = ids(d);
    List<String> second = ids(page(next));
    assertThat(second).hasSize(20).doesNotContainAnyElementsOf(first);
    Document far = page("/queue?status=all&size=20&page=999");
    String pageOf = far.selectFirst("#page-of").text();
    long total = s.platform.declarations().queue(org.riskgate.server.store.QueueFilter.all()).total();
    long pages = (total + 19) / 20;
    assertThat(pageOf).isEqualTo("page " + pages + " of " + pages);
    assertThat(far.select("#next-page")).isEmpty();
    // offices are chosen, not typed
    assertThat(d.select("select[name=office] option").eachAttr("value")).contains("", "30");
  }

  @Test
  void columnsSortBothWays() throws Exception {
    Document asc = page("/queue?status=all&sort=date&dir=asc&size=50");
    Document desc = page("/queue?status=all&sort=date&dir=desc&size=50");
    String firstAsc = asc.select("#queue tbody tr").first().select("td").get(1).text();
    String firstDesc = desc.select("#queue tbody tr").first().select("td").get(1).text();
    assertThat(firstAsc).isNotEqualTo(firstDesc);
    assertThat(asc.selectFirst("th[aria-sort]").text()).isEqualTo("Date");
  }

  @Test
  void bulkAssignmentFillsMyCasesAndClosingEmptiesThem() throws Exception {
    List<String> open = ids(page("/queue?lane=yellow&status=open&size=3"));
    assertThat(open).hasSize(3);
    StringBuilder body = new StringBuilder("_csrf=" + enc(csrf) + "&action=assign_me");
    open.forEach(id -> body.append("&ids=").append(enc(id)));
    assertThat(web.form("/cases", body.toString()).statusCode()).isEqualTo(302);
    assertThat(ids(page("/queue?assignee=me&size=500"))).containsAll(open);
    for (String id : open) {
      assertThat(s.platform.cases().state(id).orElseThrow().status()).isEqualTo(CaseStatus.ASSIGNED);
    }
    JsonNode audit = Json.MAPPER.readTree(s.get("/api/v1/audit?kind=case&subject=" + open.get(0), Role.SUPERVISOR).body());
    assertThat(audit.get("entries").get(0).get("actor").asText()).isEqualTo("sue");
    assertThat(audit.get("entries").get(0).get("detail").asText()).contains("\"assignee\":\"sue\"");

    String closing = body.toString().replace("action=assign_me", "action=close");
    assertThat(web.form("/cases", closing).statusCode()).isEqualTo(302);
    assertThat(ids(page("/queue?size=500&lane=yellow"))).doesNotContainAnyElementsOf(open);
    assertThat(ids(page("/queue?status=closed&lane=yellow&size=500"))).containsAll(open);

    // a green declaration is no case: the whole change is refused, nothing changes
    String green = ids(page("/queue?status=all&lane=green&size=1")).get(0);
    String yellow = ids(page("/queue?lane=yellow&status=open&size=1")).get(0);
    var refused = web.form("/cases", "_csrf=" + enc(csrf) + "&action=assign_me&ids=" + yellow + "&ids=" + green);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(s.platform.cases().state(yellow).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aCaseHasCommentsHistoryAndLeadsBackAndOn() throws Exception {
    List<String> open = ids(page("/queue?lane=red&status=open&size=5"));
    String id = open.get(0);
    Document c = page("/declarations/" + id);
    assertThat(c.selectFirst("#back-to-queue").attr("href")).contains("lane=red").contains("size=5");
    assertThat(c.selectFirst("#next-case").attr("href")).isEqualTo("/declarations/" + open.get(1));
    assertThat(web.form("/declarations/" + id + "/case", "_csrf=" + enc(csrf) + "&action=inspecting").statusCode())
        .isEqualTo(302);
    assertThat(web.form("/declarations/" + id + "/comments", "_csrf=" + enc(csrf) + "&comment="
        + enc("<b>seal broken</b>")).statusCode()).isEqualTo(302);
    c = page("/declarations/" + id);
    assertThat(c.selectFirst("#case-state").text()).contains("inspecting");
    assertThat(c.selectFirst("#comments").text()).contains("<b>seal broken</b>");
    assertThat(c.select("#comments b")).isEmpty();
    assertThat(c.selectFirst("#history").text()).contains("comment").contains("case change").contains("decision");
  }

  @Test
  void theResultFormKeepsWhatWasTypedAndReadsGroupedAmounts() throws Exception {
    String id = ids(page("/queue?lane=red&status=open&size=10")).get(9);
    var refused = web.form("/declarations/" + id + "/result", "_csrf=" + enc(csrf)
        + "&fraud=true&critical=1&amount=" + enc("2,50") + "&note=" + enc("undervalued invoice"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(refused.body());
    assertThat(d.selectFirst("#result-error").text()).contains("'2,50'");
    assertThat(d.selectFirst("input[name=note]").attr("value")).isEqualTo("undervalued invoice");
    assertThat(d.selectFirst("input[name=amount]").attr("value")).isEqualTo("2,50");
    assertThat(d.selectFirst("input[name=fraud][value=true]").hasAttr("checked")).isTrue();

    assertThat(web.form("/declarations/" + id + "/result", "_csrf=" + enc(csrf)
        + "&fraud=true&critical=2&amount=" + enc("2,500") + "&note=" + enc("undervalued invoice")).statusCode())
        .isEqualTo(302);
    var r = s.platform.declarations().find(id).orElseThrow().result().orElseThrow();
    assertThat(r.amount()).isEqualTo(2500);
    assertThat(r.critical()).isEqualTo(2);
    Document after = page("/declarations/" + id);
    assertThat(after.selectFirst("#recorded-note").text()).contains("undervalued invoice");
    // prefilled for a correction
    assertThat(after.selectFirst("input[name=note]").attr("value")).isEqualTo("undervalued invoice");
    assertThat(after.selectFirst("input[name=amount]").attr("value")).isEqualTo("2,500");
    assertThat(after.selectFirst("select[name=critical] option[value=2]").hasAttr("selected")).isTrue();
    // recording the result closed the case
    assertThat(s.platform.cases().state(id).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
  }

  private static byte[] download(String path) throws Exception {
    HttpResponse<byte[]> r = web.http.send(HttpRequest.newBuilder(URI.create(s.base + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    return r.body();
  }

  @Test
  void queueResultsAndAuditExportAsCsvAndExcel() throws Exception {
    long total = s.platform.declarations().queue(new org.riskgate.server.store.QueueFilter(
        java.util.Optional.of(org.riskgate.selectivity.Lane.RED), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.OptionalDouble.empty(), 1, 50)).total();
    String csv = new String(download("/queue/export?status=all&lane=red&format=csv"), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFFDeclaration,Date,Office");
    assertThat(lines).hasSize((int) total + 1);
    String results = new String(download("/results/export?format=csv"), StandardCharsets.UTF_8);
    assertThat(results.lines().count()).isGreaterThan(100);

    byte[] xlsx = download("/queue/export?status=all&lane=red&format=xlsx");
    java.nio.file.Path file = java.nio.file.Files.createTempFile("queue", ".xlsx");
    java.nio.file.Files.write(file, xlsx);
    String sheet;
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertThat(sheet.split("<row ", -1)).hasSize((int) total + 2);
    String audit = new String(download("/audit/export?kind=decision&format=csv"), StandardCharsets.UTF_8);
    assertThat(audit.lines().skip(1).allMatch(l -> l.contains(",decision,"))).isTrue();
  }

  @Test
  void theDashboardIsFilteredByPeriodAndOffice() throws Exception {
    int all = Integer.parseInt(page("/dashboard").selectFirst("#recorded-count").text());
    int office30 = Integer.parseInt(page("/dashboard?office=30").selectFirst("#recorded-count").text());
    int march = Integer.parseInt(page("/dashboard?from=2021-03-01&to=2021-03-31").selectFirst("#recorded-count").text());
    assertThat(office30).isPositive().isLessThan(all);
    assertThat(march).isPositive().isLessThan(all);
    assertThat(Integer.parseInt(page("/dashboard?from=1990-01-01&to=1990-01-31").selectFirst("#recorded-count").text()))
        .isZero();
    assertThat(page("/dashboard?office=30").selectFirst("select[name=office] option[value=30]").hasAttr("selected")).isTrue();
  }

  @Test
  void csvCellsThatLookLikeFormulasStayText() {
    assertThat(Export.csv("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(Export.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Export.csv("-5")).isEqualTo("'-5");
    assertThat(Export.csv(-5.0)).isEqualTo("-5.0");
    assertThat(Export.csv("a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void theAuditLogIsFilteredAndPaged() throws Exception {
    JsonNode first = Json.MAPPER.readTree(s.get("/api/v1/audit?kind=decision&size=3", Role.SUPERVISOR).body());
    assertThat(first.get("entries")).hasSize(3);
    assertThat(first.get("total").asLong()).isGreaterThan(1000);
    JsonNode second = Json.MAPPER.readTree(s.get("/api/v1/audit?kind=decision&size=3&page=2", Role.SUPERVISOR).body());
    assertThat(second.get("entries").get(0).get("seq").asLong())
        .isLessThan(first.get("entries").get(2).get("seq").asLong());
    JsonNode none = Json.MAPPER.readTree(s.get("/api/v1/audit?from=1990-01-01&to=1990-01-02", Role.SUPERVISOR).body());
    assertThat(none.get("total").asLong()).isZero();

    // the actor of most of the latest decisions (other tests' users decide a few of their own)
    java.util.Map<String, Long> actors = new java.util.HashMap<>();
    Json.MAPPER.readTree(s.get("/api/v1/audit?kind=decision&size=200", Role.SUPERVISOR).body()).get("entries")
        .forEach(e -> actors.merge(e.get("actor").asText(), 1L, Long::sum));
    String actor = java.util.Collections.max(actors.entrySet(), java.util.Map.Entry.comparingByValue()).getKey();
    Document d = page("/audit?kind=decision&actor=" + enc(actor) + "&size=5");
    assertThat(d.select("#audit tbody tr")).hasSize(5);
    assertThat(d.select("#audit tbody tr td:nth-child(3)").eachText()).allMatch(actor::equals);
    assertThat(d.select("#audit tbody tr td:nth-child(4)").eachText()).allMatch("decision"::equals);
    assertThat(d.selectFirst("nav.pager a[rel=next]").attr("href")).contains("kind=decision").contains("size=5");
    HostileIdTest.WebSession analyst = HostileIdTest.WebSession.login(s, "ana");
    assertThat(analyst.get("/audit").statusCode()).isEqualTo(403);
  }

  @Test
  void aDraftIsBacktestedWithoutBeingSaved() throws Exception {
    String before = s.platform.decisions().config().rulesText();
    String draft = "rule \"wood\"\n  when hs2 = \"44\"\n  then lane red";
    var r = web.form("/settings/rules", "_csrf=" + enc(csrf) + "&action=backtest&rules=" + enc(draft));
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("textarea[name=rules]").wholeText()).isEqualTo(draft);
    Element row = d.selectFirst("#backtest-report tbody tr");
    assertThat(row.selectFirst("th").text()).isEqualTo("wood");
    long chapter44 = s.platform.declarations().history().stream().filter(x -> x.hsCode().startsWith("44")).count();
    assertThat(row.select("td").get(0).text()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d", chapter44));
    assertThat(s.platform.decisions().config().rulesText()).isEqualTo(before);
  }

  @Test
  void aRefusedRuleTextStaysWithItsLineAndColumn() throws Exception {
    String text = "rule \"ok\"\n  when hs2 = \"84\"\n  then lane yellow\nrule \"bad\"\n  when nosuchfield > 1\n  then lane red";
    var r = web.form("/settings/rules", "_csrf=" + enc(csrf) + "&rules=" + enc(text));
    assertThat(r.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("textarea[name=rules]").wholeText()).isEqualTo(text);
    assertThat(d.select("#rule-problems tbody tr")).isNotEmpty();
    assertThat(d.selectFirst("#rule-problems tbody tr td").text()).isEqualTo("5");
  }
}
