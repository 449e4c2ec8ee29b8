package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.InspectionResult;
import org.riskgate.server.web.HostileIdTest.WebSession;

/**
 * The declaration page's similar past declarations: inspected declarations of earlier days only,
 * each a link to its page with its outcome, in the reader's language.
 */
class SimilarPanelTest {
  private static TestServer s;
  private static List<Declaration> stored;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.shared();
    stored = s.platform.declarations().history();
    s.platform.auth().createUser("kosim", TestServer.PASSWORD, Role.ANALYST, false, "test");
    s.platform.users().setLocale("kosim", "ko");
  }

  @Test
  void aDeclarationListsItsNearestInspectedDeclarationsOfEarlierDaysWithTheirOutcomes() throws Exception {
    Declaration target = stored.stream().max(Comparator.comparing(Declaration::date).thenComparing(Declaration::id))
        .orElseThrow();
    WebSession ana = WebSession.login(s, "ana");
    HttpResponse<String> page = ana.get("/declarations/" + target.id());
    assertThat(page.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(page.body());
    assertThat(d.selectFirst("#similar-h").text()).isEqualTo("Similar past declarations");
    List<Element> rows = d.select("#similar-table tbody tr");
    assertThat(rows).hasSize(WebRoutes.SIMILAR_SHOWN);
    long frauds = 0;
    for (Element row : rows) {
      String id = row.child(0).text();
      Declaration past = s.platform.declarations().find(id).orElseThrow().declaration();
      assertThat(past.date()).isBefore(target.date());
      var result = s.platform.declarations().find(id).orElseThrow().result();
      assertThat(result).as("an inspected declaration").isPresent();
      assertThat(row.child(6).text()).isEqualTo(result.get().fraud() ? "fraud found" : "no fraud");
      frauds += result.get().fraud() ? 1 : 0;
      assertThat(ana.get(row.selectFirst("a").attr("href")).statusCode()).isEqualTo(200);
    }
    assertThat(d.selectFirst("#similar-frauds").text())
        .isEqualTo(frauds + " of these " + rows.size() + " were found to be fraud.");
    // nearest first
    List<Double> distances = rows.stream().map(r -> Double.parseDouble(r.child(5).text())).toList();
    assertThat(distances).isSorted();
  }

  @Test
  void theEarliestDeclarationHasNoneYetAndAKoreanReaderReadsThePanelInKorean() throws Exception {
    LocalDate first = stored.stream().map(Declaration::date).min(Comparator.naturalOrder()).orElseThrow();
    Declaration earliest = stored.stream().filter(x -> x.date().equals(first)).findFirst().orElseThrow();
    Document en = Jsoup.parse(WebSession.login(s, "ana").get("/declarations/" + earliest.id()).body());
    assertThat(en.selectFirst("#similar-none").text())
        .isEqualTo("No inspected declaration of an earlier day to compare with yet.");
    assertThat(en.select("#similar-table")).isEmpty();

    Document ko = Jsoup.parse(WebSession.login(s, "kosim").get("/declarations/" + earliest.id()).body());
    assertThat(ko.selectFirst("#similar-h").text()).isEqualTo("비슷한 과거 신고");
    assertThat(ko.selectFirst("#similar-none").text()).isEqualTo("비교할 이전 날짜의 검사된 신고가 아직 없습니다.");
  }

  /** The space of a day is kept between pages, but a result recorded since is seen at once. */
  @Test
  void aResultRecordedSinceTheLastPageIsSeenAtOnce() {
    Declaration target = stored.stream().max(Comparator.comparing(Declaration::date).thenComparing(Declaration::id))
        .orElseThrow();
    var nearest = s.platform.similar().of(target, WebRoutes.SIMILAR_SHOWN).get(0).declaration();
    InspectionResult was = s.platform.declarations().find(nearest.id()).orElseThrow().result().orElseThrow();
    try {
      s.platform.recordResult(new InspectionResult(nearest.id(), !was.fraud(), 0, was.amount(), "similar test",
          "tester", Instant.now()));
      var again = s.platform.similar().of(target, WebRoutes.SIMILAR_SHOWN).stream()
          .filter(n -> n.declaration().id().equals(nearest.id())).findFirst();
      assertThat(again).as("still among the nearest: its own features do not see its result").isPresent();
      assertThat(again.get().declaration().isFraud()).isEqualTo(!was.fraud());
    } finally {
      s.platform.recordResult(was);
    }
  }
}
