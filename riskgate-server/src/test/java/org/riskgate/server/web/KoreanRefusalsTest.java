package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.web.HostileIdTest.WebSession;

/**
 * A user whose language is Korean reads every refusal a page shows in Korean: the password,
 * access, settings (capacity, objective, rule problems, a backtest's failures), SQL and watchlist
 * forms, and the error pages' line under the title; the API keeps its English.
 */
class KoreanRefusalsTest {
  private static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
    for (var u : java.util.Map.of("koana", Role.ANALYST, "kosue", Role.SUPERVISOR, "koadam", Role.ADMIN,
        "kopass", Role.ANALYST).entrySet()) {
      s.platform.auth().createUser(u.getKey(), TestServer.PASSWORD, u.getValue(), false, "test");
      s.platform.users().setLocale(u.getKey(), "ko");
    }
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** A form posted with the session's CSRF token, read from one of its pages. */
  private static HttpResponse<String> post(WebSession w, String path, String body) throws Exception {
    String token = Jsoup.parse(w.get("/queue").body()).selectFirst("input[name=_csrf]").attr("value");
    return w.form(path, "_csrf=" + enc(token) + "&" + body);
  }

  private static String text(HttpResponse<String> r, String selector) {
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("ko");
    assertThat(d.selectFirst(selector)).as(r.body()).isNotNull();
    return d.selectFirst(selector).text();
  }

  @Test
  void passwordAndAccessRefusalsAreInKorean() throws Exception {
    WebSession w = WebSession.login(s, "kopass");
    assertThat(text(post(w, "/password", "oldPassword=wrong-one-here&newPassword=" + enc("a-new-pass-phrase")
        + "&repeat=" + enc("a-new-pass-phrase")), "p.error")).isEqualTo("사용자 이름 또는 비밀번호가 틀렸습니다");
    assertThat(text(post(w, "/password", "oldPassword=" + enc(TestServer.PASSWORD)
        + "&newPassword=short1&repeat=short1"), "p.error")).isEqualTo("비밀번호는 12자 이상이어야 합니다");

    WebSession admin = WebSession.login(s, "koadam");
    HttpResponse<String> self = post(admin, "/access/users/disable", "name=koadam");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(text(self, "#access-message")).isEqualTo("자기 자신의 사용을 중지할 수 없습니다");
    assertThat(text(post(admin, "/access/users/reset", "name=nobody"), "#access-message"))
        .isEqualTo("그런 사용자가 없습니다: nobody");
    assertThat(text(post(admin, "/access/tokens/revoke", "id=nope"), "#access-message"))
        .isEqualTo("유효한 내 토큰 nope이(가) 없습니다");
  }

  @Test
  void errorPagesSayWhatWentWrongInKorean() throws Exception {
    WebSession w = WebSession.login(s, "koana");
    HttpResponse<String> missing = w.get("/declarations/NOPE");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(text(missing, "#error-message")).isEqualTo("수입신고 NOPE이(가) 없습니다");
    assertThat(text(w.get("/no/such/page"), "#error-message")).isEqualTo("이 주소에는 화면이 없습니다.");
    assertThat(text(w.get("/audit"), "#error-message")).isEqualTo("감독관 또는 관리자만 감사 기록을 볼 수 있습니다");
    assertThat(text(w.get("/entities/bogus/X1"), "#error-message")).startsWith("알 수 없는 당사자 역할입니다");
    HttpResponse<String> forged = w.form("/settings/capacity", "_csrf=forged&red=3");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(text(forged, "#error-message")).startsWith("보안 토큰(CSRF)이 없거나 틀립니다");
    assertThat(text(w.get("/entities/importer/NOBODY99"), "#error-message")).isEqualTo("수입자 NOBODY99이(가) 없습니다");
    assertThat(text(w.get("/entities/seller/NOBODY99?asOf=2021-01-01"), "#error-message"))
        .isEqualTo("해외 공급자 NOBODY99이(가) 없습니다");
    assertThat(text(w.get("/documents/abc/image"), "#error-message"))
        .isEqualTo("그런 번호의 서류가 없습니다 (번호는 숫자입니다)");
    assertThat(text(w.get("/documents/987654/image"), "#error-message")).isEqualTo("서류 987654이(가) 없습니다");
    HttpResponse<String> badId = w.get("/declarations/-x");
    assertThat(badId.statusCode()).isEqualTo(400);
    String idRule = "영문자(A-Z, a-z), 숫자, '.', '_', '-'로 된 1~64자이고 영문자나 숫자로 시작해야 합니다";
    assertThat(text(badId, "#error-message")).isEqualTo("신고번호는 " + idRule);
    assertThat(text(w.get("/entities/importer/-x"), "#error-message")).isEqualTo("당사자 ID는 " + idRule);
    HttpResponse<String> badSort = w.get("/queue?sort=bogus");
    assertThat(badSort.statusCode()).isEqualTo(400);
    assertThat(text(badSort, "#error-message"))
        .isEqualTo("정렬(sort)은 score(점수), date(신고일), office(세관), importer(수입자), status(상태) 중 하나여야 합니다: 'bogus'");
    assertThat(text(w.get("/queue?size=501"), "#error-message"))
        .isEqualTo("페이지(page)는 1 이상, 쪽당 건수(size)는 1~500이어야 합니다");
    assertThat(text(w.get("/queue?status=bogus"), "#error-message"))
        .isEqualTo("사건 상태(status)는 open(미배정), assigned(배정됨), inspecting(검사 중), closed(종결) 중 하나여야 합니다: 'bogus'");
    assertThat(text(w.get("/queue?lane=purple"), "#error-message"))
        .isEqualTo("검사 구분(lane)은 red(적색), yellow(황색), green(녹색) 중 하나여야 합니다");
    assertThat(text(w.get("/dashboard?from=2021-13-45"), "#error-message"))
        .isEqualTo("'from'은(는) YYYY-MM-DD 형식의 날짜여야 합니다");
    assertThat(text(post(w, "/declarations/NOPE/documents", "issuer=KR-1"), "#error-message"))
        .isEqualTo("수입신고 NOPE이(가) 없습니다");
    String id = s.platform.declarations().history().get(0).id();
    assertThat(text(post(w, "/declarations/" + id + "/documents", "issuer=KR-1"), "#error-message"))
        .isEqualTo("올릴 스캔 서류를 고르십시오");
    assertThat(text(post(w, "/cases", "action=assign_me"), "#error-message")).isEqualTo("사건을 하나 이상 선택하십시오");
    assertThat(text(post(w, "/queue/views", "name=&query=lane%3Dred"), "#error-message"))
        .isEqualTo("보기 이름은 1~100자여야 합니다");
    assertThat(text(post(w, "/queue/views/abc/delete", ""), "#error-message"))
        .isEqualTo("그런 보기가 없습니다 (보기 번호는 숫자입니다)");
    assertThat(text(post(w, "/queue/views/987654/delete", ""), "#error-message"))
        .isEqualTo("내 보기 중에 그런 보기가 없습니다");
    assertThat(text(w.get("/attachments/abc"), "#error-message"))
        .isEqualTo("그런 번호의 첨부 파일이 없습니다 (번호는 숫자입니다)");
    assertThat(text(w.get("/attachments/987654"), "#error-message")).isEqualTo("첨부 파일 987654이(가) 없습니다");
    // the API keeps its English
    assertThat(s.get("/api/v1/queue?lane=purple", Role.ANALYST).body()).contains("lane must be red, yellow or green");
    assertThat(s.get("/api/v1/declarations/-x", Role.ANALYST).body())
        .contains("a declaration id must be " + org.riskgate.server.api.InputChecks.ID_RULE);
    assertThat(s.get("/api/v1/queue?sort=bogus", Role.ANALYST).body())
        .contains("sort must be score, date, office, importer or status, not 'bogus'");
  }

  @Test
  void settingsRefusalsAndRuleProblemsAreInKorean() throws Exception {
    WebSession w = WebSession.login(s, "kosue");
    assertThat(text(post(w, "/settings/capacity", "red=abc&yellow=7&random=0"), "#settings-error"))
        .isEqualTo("적색은(는) 백분율이어야 합니다");
    assertThat(text(post(w, "/settings/capacity", "red=60&yellow=60&random=0"), "#settings-error"))
        .isEqualTo("적색과 황색 용량의 합이 100 %를 넘습니다");
    assertThat(text(post(w, "/settings/objective", "objective=bogus"), "#settings-error"))
        .isEqualTo("알 수 없는 목표 'bogus': 적발 또는 세수를 고르십시오");
    HttpResponse<String> refused = post(w, "/settings/rules", "action=save&rules="
        + enc("rule \"k1\" when hs7 = \"1\" then lane red\nrule \"k2\" when origin = 8 then lane red\n"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).select("#rule-problems tbody tr td:nth-child(3)").eachText())
        .hasSize(2).first().asString().startsWith("알 수 없는 항목 'hs7'. 다음 중 하나를 쓰십시오:");
    assertThat(Jsoup.parse(refused.body()).select("#rule-problems tbody tr td:nth-child(3)").get(1).text())
        .isEqualTo("origin은(는) 문자이지만 8은(는) 숫자입니다 (부호는 문자입니다: \"8\"로 쓰십시오)");
    // a draft whose rule cannot be decided: the backtest's first failure
    HttpResponse<String> backtest = post(w, "/settings/rules", "action=backtest&rules="
        + enc("rule \"k3\" when zzz.unknown > 1 then lane red\n"));
    assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
    assertThat(text(backtest, "#backtest-report tbody")).contains("속성 'zzz.unknown'이(가) 주어지지 않았습니다")
        .doesNotContain("was not provided");
    // the API keeps its English
    assertThat(s.put("/api/v1/capacity", Role.SUPERVISOR,
        "{\"redPercent\":60,\"yellowPercent\":60,\"randomPercent\":0,\"perOffice\":false}").body())
        .contains("red + yellow capacity exceeds 100 %");
  }

  @Test
  void sqlAndWatchlistRefusalsAreInKorean() throws Exception {
    WebSession w = WebSession.login(s, "kosue");
    assertThat(text(post(w, "/sql", "sql=" + enc("SELECT 1") + "&rows=abc&seconds=10"), "#sql-error"))
        .isEqualTo("행 제한은 정수여야 합니다");
    assertThat(text(post(w, "/sql", "sql=" + enc("SELECT 1") + "&rows=0&seconds=10"), "#sql-error"))
        .isEqualTo("행 제한은 1~10000이어야 합니다: 0");
    assertThat(text(post(w, "/watchlists", "creating=true&name=" + enc("ko test") + "&kind=hs&entries=abc"),
        "#watchlist-error")).isEqualTo("HS 감시 목록 항목은 2~10자리 숫자입니다: 'abc'");
    assertThat(text(w.get("/watchlists/nosuch"), "#error-message")).isEqualTo("그런 감시 목록이 없습니다");
    assertThat(text(post(w, "/watchlists/nosuch/delete", ""), "#error-message")).isEqualTo("그런 감시 목록이 없습니다");
  }

  @Test
  void aDeclarationNamesItsCountriesAndASkippedRuleInKorean() throws Exception {
    // decided under a rule that cannot be decided for it: the reason says why in the reader's language
    String rulesBefore = s.platform.decisions().config().rulesText();
    s.platform.changeRules(rulesBefore + "\nrule \"k4\"\n  when zzz.unknown > 1\n  then lane red\n", "test");
    try {
      assertThat(s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"KO-COUNTRY\",\"date\":\"2021-04-01\","
          + "\"officeId\":\"30\",\"importerId\":\"KOREAN2\",\"hsCode\":\"440890\",\"originCountry\":\"BE\","
          + "\"departureCountry\":\"CN\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":1000}").statusCode())
          .isEqualTo(201);
    } finally {
      s.platform.changeRules(rulesBefore, "test");
    }
    HttpResponse<String> page = WebSession.login(s, "koana").get("/declarations/KO-COUNTRY");
    assertThat(text(page, "#origin")).isEqualTo("BE 벨기에");
    assertThat(text(page, "#departure")).isEqualTo("CN 중국");
    assertThat(Jsoup.parse(page.body()).select("#reasons li").eachText())
        .anySatisfy(r -> assertThat(r).contains("규칙 건너뜀: 속성 'zzz.unknown'이(가) 주어지지 않았습니다"));
    // the HS box's refusal of a description without letters comes from riskgate-hs's own bundle
    HttpResponse<String> hs = WebSession.login(s, "koana").get("/declarations/KO-COUNTRY?describe=" + enc("12345 !!"));
    assertThat(Jsoup.parse(hs.body()).text()).contains("품명에 문자가 없습니다").doesNotContain("has no letters");
  }
}
