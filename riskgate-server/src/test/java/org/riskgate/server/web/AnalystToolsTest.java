package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.profiles.PartyRole;
import org.riskgate.server.TestServer;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.auth.Role;
import org.riskgate.server.web.HostileIdTest.WebSession;

/**
 * The network, groups, watchlist and user pages over the demo data, through their forms, with
 * roles enforced by the server whatever the page shows.
 */
class AnalystToolsTest {
  private static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static String csrf(Document d) {
    return d.selectFirst("input[name=_csrf]").attr("value");
  }

  @Test
  void theNetworkPageShowsTheSamePartiesAsTheApi() throws Exception {
    var asOf = ApiRoutes.defaultAsOf(s.platform);
    var party = s.platform.profiles().network(asOf).topRisk(50, 3).stream()
        .filter(n -> n.role() == PartyRole.DECLARANT).findFirst().orElseThrow();
    WebSession ana = WebSession.login(s, "ana");
    HttpResponse<String> r = ana.get(Views.path("entities", "declarant", party.partyId(), "network") + "?limit=30");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    var api = org.riskgate.server.Json.MAPPER.readTree(s.get("/api/v1/entities/declarant/" + party.partyId()
        + "/network?limit=30", Role.ANALYST).body());
    assertThat(page.select("#network-table tbody tr")).hasSize(api.get("nodes").size());
    assertThat(page.selectFirst("#network-table tbody tr th a").text()).isEqualTo(party.partyId());
    assertThat(page.select("#network-communities tbody tr")).hasSize(api.get("communities").size());
    // the drawing's data sits in a script element that no id can close
    Element data = page.getElementById("network-data");
    assertThat(data.attr("type")).isEqualTo("application/json");
    assertThat(org.riskgate.server.Json.MAPPER.readTree(data.data()).get("nodes")).hasSize(api.get("nodes").size());
    assertThat(page.getElementById("network-chart").attr("aria-label")).contains(party.partyId());
    // the profile page links to it
    Document profile = Jsoup.parse(ana.get(Views.path("entities", "declarant", party.partyId())).body());
    assertThat(profile.getElementById("open-network").attr("href"))
        .startsWith(Views.path("entities", "declarant", party.partyId(), "network"));
    HttpResponse<String> absent = ana.get("/entities/importer/NO-SUCH-PARTY/network");
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(absent.body()).getElementById("network-absent")).isNotNull();
    assertThat(ana.get(Views.path("entities", "declarant", party.partyId(), "network") + "?limit=0").statusCode())
        .isEqualTo(400);
  }

  @Test
  void aGroupBecomesARuleDraftInTheWorkbenchForSupervisorsOnly() throws Exception {
    WebSession ana = WebSession.login(s, "ana");
    Document asAnalyst = Jsoup.parse(ana.get("/groups?from=2020-07-01&to=2020-12-31").body());
    assertThat(asAnalyst.getElementById("groups-summary")).isNotNull();
    assertThat(asAnalyst.select("form.make-rule")).isEmpty();
    WebSession sue = WebSession.login(s, "sue");
    Document groups = Jsoup.parse(sue.get("/groups?from=2020-07-01&to=2020-12-31").body());
    Element make = groups.selectFirst("form.make-rule");
    assertThat(make).as("a group stands out in the second half of the demo's history").isNotNull();
    String rule = make.selectFirst("input[name=append]").attr("value");
    assertThat(rule).startsWith("rule \"group-");
    String rulesBefore = s.platform.decisions().config().rulesText();
    String body = "_csrf=" + csrf(groups) + "&action=draft&append=" + enc(rule);
    HttpResponse<String> draft = sue.form("/settings/rules", body);
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(draft.body()).getElementById("rules-text").text()).contains(rule.strip().split("\n")[0]);
    // shown, not stored
    assertThat(s.platform.decisions().config().rulesText()).isEqualTo(rulesBefore);
    // the draft compiles: a backtest of it answers with the group's rule
    HttpResponse<String> backtest = sue.form("/settings/rules", "_csrf=" + csrf(groups) + "&action=backtest&rules="
        + enc(Jsoup.parse(draft.body()).getElementById("rules-text").text()));
    assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
    assertThat(Jsoup.parse(backtest.body()).select("#backtest-report tbody th").eachText())
        .anyMatch(t -> t.startsWith("group-"));
    assertThat(ana.form("/settings/rules", "_csrf=" + csrf(asAnalyst) + "&action=draft&append=" + enc(rule))
        .statusCode()).isEqualTo(403);
  }

  @Test
  void supervisorsKeepWatchlistsThroughTheEditor() throws Exception {
    WebSession sue = WebSession.login(s, "sue");
    Document editor = Jsoup.parse(sue.get("/watchlists/new?name=" + enc("editor test") + "&kind=hs&entries=4408")
        .body());
    assertThat(editor.selectFirst("input[name=name]").attr("value")).isEqualTo("editor test");
    assertThat(editor.getElementById("entries").text()).isEqualTo("4408");
    String token = csrf(editor);
    assertThat(sue.form("/watchlists", "_csrf=" + token + "&creating=true&name=" + enc("editor test")
        + "&kind=hs&description=" + enc("oak and more") + "&entries=" + enc("4408\n\n 4407 \n")).statusCode())
        .isEqualTo(302);
    var stored = s.platform.watchlists().named("editor test").orElseThrow();
    assertThat(stored.entries()).containsExactlyInAnyOrder("4408", "4407");
    assertThat(Jsoup.parse(sue.get("/watchlists").body()).select("#watchlists tbody th a").eachText())
        .contains("editor test");
    // a second "new" list of the same name is refused, the typed text kept
    HttpResponse<String> again = sue.form("/watchlists", "_csrf=" + token + "&creating=true&name="
        + enc("editor test") + "&kind=hs&entries=" + enc("9999"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(again.body()).getElementById("entries").text()).isEqualTo("9999");
    // a bad entry is refused with the reason, the list unchanged
    HttpResponse<String> bad = sue.form("/watchlists", "_csrf=" + token + "&creating=false&name="
        + enc("editor test") + "&kind=hs&entries=" + enc("not an hs code"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).getElementById("watchlist-error")).isNotNull();
    assertThat(s.platform.watchlists().named("editor test").orElseThrow().entries()).hasSize(2);
    // analysts read the list but change nothing
    WebSession ana = WebSession.login(s, "ana");
    Document list = Jsoup.parse(ana.get("/watchlists").body());
    assertThat(list.getElementById("new-watchlist")).isNull();
    assertThat(ana.form("/watchlists", "_csrf=" + csrf(list) + "&creating=false&name=" + enc("editor test")
        + "&kind=hs&entries=1").statusCode()).isEqualTo(403);
    assertThat(ana.get(Views.path("watchlists", "editor test")).statusCode()).isEqualTo(403);
    assertThat(ana.form(Views.path("watchlists", "editor test", "delete"), "_csrf=" + csrf(list)).statusCode())
        .isEqualTo(403);
    assertThat(sue.form(Views.path("watchlists", "editor test", "delete"), "_csrf=" + token).statusCode())
        .isEqualTo(302);
    assertThat(s.platform.watchlists().named("editor test")).isEmpty();
  }

  @Test
  void anAdminResetsAPasswordOnceAndItMustBeChanged() throws Exception {
    s.platform.auth().createUser("rita", TestServer.PASSWORD, Role.ANALYST, false, "test");
    String ritaToken = s.platform.auth().issueToken("rita", "test", Optional.empty());
    WebSession rita = WebSession.login(s, "rita");
    WebSession adam = WebSession.login(s, "adam");
    Document access = Jsoup.parse(adam.get("/access").body());
    HttpResponse<String> reset = adam.form("/access/users/reset", "_csrf=" + csrf(access) + "&name=rita");
    assertThat(reset.statusCode()).isEqualTo(200);
    String once = Jsoup.parse(reset.body()).selectFirst("#reset-password code").text();
    assertThat(once).hasSize(20);
    // her session and token ended; the old password no longer works, the new one must be changed
    assertThat(rita.get("/queue").statusCode()).isEqualTo(302);
    assertThat(s.platform.auth().byToken(ritaToken)).isEmpty();
    assertThat(s.platform.auth().login("rita", TestServer.PASSWORD, "127.0.0.9")).isEmpty();
    assertThat(s.platform.auth().login("rita", once, "127.0.0.9")).hasValueSatisfying(u ->
        assertThat(u.mustChange()).isTrue());
    assertThat(s.platform.users().all()).anySatisfy(u -> assertThat(u.username()).isEqualTo("rita"));
    // nobody else may, and an admin does not reset their own
    WebSession sue = WebSession.login(s, "sue");
    assertThat(sue.form("/access/users/reset", "_csrf=" + csrf(Jsoup.parse(sue.get("/access").body()))
        + "&name=ana").statusCode()).isEqualTo(403);
    assertThat(adam.form("/access/users/reset", "_csrf=" + csrf(access) + "&name=adam").statusCode()).isEqualTo(400);
  }

  @Test
  void aFormSentAfterTheSessionEndedIsKeptThroughTheNextLogin() throws Exception {
    String id = s.platform.declarations().queue(org.riskgate.server.store.QueueFilter.all().onPage(1, 50)).rows()
        .stream().filter(r -> r.lane() != org.riskgate.selectivity.Lane.GREEN).findFirst().orElseThrow().id();
    String note = "kept through a login: 송장 & <b>";
    // a browser whose session is gone (here: never was) sends a comment form
    WebSession expired = new WebSession(s);
    HttpResponse<String> lost = expired.form(Views.path("declarations", id, "comments"),
        "_csrf=stale&comment=" + enc(note));
    assertThat(lost.statusCode()).isEqualTo(401);
    Document login = Jsoup.parse(lost.body());
    assertThat(login.getElementById("session-ended")).isNotNull();
    assertThat(login.select("input[name=v]").eachAttr("value")).containsExactly(note);
    // logging in through that form shows the comment again, to be sent with the new session's token
    StringBuilder body = new StringBuilder("username=ana&password=" + TestServer.PASSWORD);
    for (Element in : login.select("form input[type=hidden]")) {
      body.append('&').append(in.attr("name")).append('=').append(enc(in.attr("value")));
    }
    HttpResponse<String> resumed = expired.form("/login", body.toString());
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    Document again = Jsoup.parse(resumed.body());
    Element form = again.getElementById("resume-form");
    assertThat(form.attr("action")).isEqualTo(Views.path("declarations", id, "comments"));
    assertThat(form.selectFirst("input[name=comment]").attr("value")).isEqualTo(note);
    StringBuilder send = new StringBuilder();
    for (Element in : form.select("input[type=hidden]")) {
      send.append(send.isEmpty() ? "" : "&").append(in.attr("name")).append('=').append(enc(in.attr("value")));
    }
    assertThat(expired.form(form.attr("action"), send.toString()).statusCode()).isEqualTo(302);
    assertThat(s.platform.cases().comments(id)).anySatisfy(c -> assertThat(c.body()).isEqualTo(note));
  }

  @Test
  void errorPagesAreStyledAndCarryTheSecurityHeaders() throws Exception {
    WebSession ana = WebSession.login(s, "ana");
    HttpResponse<String> missing = ana.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    Document page = Jsoup.parse(missing.body());
    assertThat(page.getElementById("error-page")).isNotNull();
    assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/static/app.css");
    assertThat(page.selectFirst("#error-page a").attr("href")).isEqualTo("/queue");
    assertThat(missing.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'"));
    assertThat(missing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    HttpResponse<String> refused = ana.get("/audit");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).getElementById("error-message").text()).contains("supervisor");
    // the API keeps answering JSON
    HttpResponse<String> api = s.get("/api/v1/no-such-route", Role.ANALYST);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  private static String caseId() throws Exception {
    return s.platform.declarations().queue(org.riskgate.server.store.QueueFilter.all().onPage(1, 50)).rows()
        .stream().filter(r -> r.lane() != org.riskgate.selectivity.Lane.GREEN).findFirst().orElseThrow().id();
  }

  @Test
  void savedViewsAreTheirOwnersOnly() throws Exception {
    WebSession ana = WebSession.login(s, "ana");
    Document queue = Jsoup.parse(ana.get("/queue?lane=red&status=active&page=3").body());
    String query = queue.selectFirst("#save-view input[name=query]").attr("value");
    assertThat(query).isEqualTo("lane=red&status=active");
    assertThat(ana.form("/queue/views", "_csrf=" + csrf(queue) + "&name=" + enc("red, open") + "&query="
        + enc(query)).statusCode()).isEqualTo(302);
    Document after = Jsoup.parse(ana.get("/queue").body());
    Element link = after.select("a.saved-view").stream().filter(a -> a.text().equals("red, open")).findFirst()
        .orElseThrow();
    assertThat(link.attr("href")).isEqualTo("/queue?lane=red&status=active");
    // filters the queue refuses are not saved
    assertThat(ana.form("/queue/views", "_csrf=" + csrf(queue) + "&name=bad&query=" + enc("minScore=lots"))
        .statusCode()).isEqualTo(400);
    // another analyst neither sees nor deletes it
    WebSession sue = WebSession.login(s, "sue");
    Document theirs = Jsoup.parse(sue.get("/queue").body());
    assertThat(theirs.select("a.saved-view").eachText()).doesNotContain("red, open");
    String delete = link.parent().selectFirst("form[action$=/delete]").attr("action");
    assertThat(sue.form(delete, "_csrf=" + csrf(theirs)).statusCode()).isEqualTo(404);
    assertThat(ana.form(delete, "_csrf=" + csrf(after)).statusCode()).isEqualTo(302);
    assertThat(Jsoup.parse(ana.get("/queue").body()).select("a.saved-view").eachText()).doesNotContain("red, open");
  }

  @Test
  void aFileAttachedToACaseComesBackAsADownload() throws Exception {
    String id = caseId();
    WebSession ana = WebSession.login(s, "ana");
    Document page = Jsoup.parse(ana.get(Views.path("declarations", id)).body());
    String action = page.selectFirst("form#attach").attr("action");
    byte[] content = "<script>alert(1)</script> inspection photo stand-in".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> sent = multipart(ana, action, csrf(page), "photo <1>.html", content);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Document after = Jsoup.parse(ana.get(Views.path("declarations", id)).body());
    Element a = after.select("#attachments a").last();
    assertThat(a.text()).isEqualTo("photo <1>.html");
    var got = ana.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + a.attr("href"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.body()).isEqualTo(content);
    // never served as a page of the site
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(got.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).startsWith("attachment; filename=\"photo__1_.html\""));
    assertThat(multipart(ana, action, csrf(page), "empty.txt", new byte[0]).statusCode()).isEqualTo(400);
    long audited = s.platform.db().read(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE kind = 'attachment' AND subject = ?")) {
        ps.setString(1, id);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
    assertThat(audited).isPositive();
  }

  private static HttpResponse<String> multipart(WebSession w, String path, String csrf, String name, byte[] content)
      throws Exception {
    String boundary = "----riskgate" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return w.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base).resolve(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDocumentsPageShowsEachRegionWithItsStampTextCheck() throws Exception {
    String id = caseId();
    try (var in = new java.io.ByteArrayInputStream(org.riskgate.server.api.ChecksApiTest.page())) {
      s.platform.documents().verify(id, "KR-017", "documents-page.png", in, "ana");
    }
    Document page = Jsoup.parse(WebSession.login(s, "ana").get("/documents").body());
    Element row = page.select("#documents-table tbody tr").stream()
        .filter(r -> r.text().contains("documents-page.png")).findFirst().orElseThrow();
    assertThat(row.selectFirst("a[href]").attr("href")).isEqualTo(Views.path("declarations", id));
    // every region's text column says what the stamp text check found (or that it was not made)
    assertThat(page.select("#documents-table tbody td:last-child").eachText())
        .allSatisfy(t -> assertThat(t).matches("(?s)(matches the reference|differs from the reference|too little "
            + "readable|not read \\(no OCR here\\)|not checked|No stamp or signature found).*"));
  }

  @Test
  void theDashboardsPerOfficerFiguresAddUpToTheRecordedResults() throws Exception {
    var results = s.platform.declarations().results(1_000_000);
    long demo = results.stream().filter(r -> r.result().recordedBy().equals("demo")).count();
    long demoFrauds = results.stream().filter(r -> r.result().recordedBy().equals("demo") && r.result().fraud()).count();
    Document page = Jsoup.parse(WebSession.login(s, "sue").get("/dashboard").body());
    Element row = page.select("#by-officer tbody tr").stream().filter(r -> r.selectFirst("th").text().equals("demo"))
        .findFirst().orElseThrow();
    assertThat(row.select("td").get(0).text().replace(",", "")).isEqualTo(Long.toString(demo));
    assertThat(row.select("td").get(1).text().replace(",", "")).isEqualTo(Long.toString(demoFrauds));
    var outcomes = org.riskgate.server.store.Outcomes.of(s.platform.db(), Optional.empty(), Optional.empty(),
        Optional.empty());
    assertThat(outcomes.revenue()).isCloseTo(results.stream().filter(r -> r.result().fraud())
        .mapToDouble(r -> r.result().amount()).sum(), within(1e-6));
    assertThat(page.getElementById("drift-state")).isNotNull();
    // analysts see the figures, not the supervisors' drift card
    Document asAnalyst = Jsoup.parse(WebSession.login(s, "ana").get("/dashboard").body());
    assertThat(asAnalyst.getElementById("by-officer")).isNotNull();
    assertThat(asAnalyst.getElementById("drift-state")).isNull();
  }
}
