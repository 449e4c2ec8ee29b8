package org.riskgate.server.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Platform;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.AuditEntry;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.InspectionResult;

/**
 * The loop on a real server over the demo store: a challenger retrained from the recorded
 * results shadow-scores new declarations, and one that is worse is refused promotion.
 */
class ChallengerTest {
  @TempDir static Path dir;
  static TestServer s;
  static List<Declaration> valid;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(dir.resolve("store"), Optional.empty(), 32L << 20, true);
    valid = DeclarationReader.readAll(Fixtures.DATA.resolve("df_syn_valid_eng.csv"), ColumnMapping.defaults(),
        new Platform.Collected());
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  /**
   * A challenger that learned the results upside down: what the inspections found to be fraud it
   * takes for clean. Trained cheaply, it is worse than the champion by construction.
   */
  static ChallengerService.Recipe upsideDown() {
    return (history, source) -> {
      List<Declaration> flipped = history.stream().map(d -> d.outcome().isEmpty() ? d
          : d.withOutcome(new InspectionOutcome(!d.isFraud(), d.isFraud() ? 0 : 1))).toList();
      return RiskTraining.fit(RiskTraining.prepare(flipped, Optional.empty()),
          new XGBoostTrainer(new XGBoostOptions(40, 5, 0.3, 4, 3, 0.8, 0.7, 2, 1)), FeatureSet.DECLARATION,
          new RiskTraining.Source(source, 0, Optional.empty()));
    };
  }

  /** January's declarations again, a hundred days later and with new ids: traffic after the challenger's training. */
  static List<Declaration> later(String prefix) {
    List<Declaration> out = new ArrayList<>();
    for (Declaration d : valid) {
      if (d.date().getMonthValue() == 1) {
        LocalDate date = d.date().plusDays(100);
        out.add(new Declaration(prefix + d.id(), date, d.officeId(), d.processType(), d.importType(), d.importUse(),
            d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(),
            d.hsCode(), d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(),
            d.netMass(), d.itemPrice(), d.outcome(), d.revenue(), d.description()));
      }
    }
    return out;
  }

  @Test
  void aWorseChallengerShadowScoresNewDeclarationsAndIsRefusedPromotion() throws Exception {
    Platform p = s.platform;
    String champion = p.decisions().config().bundle().id();
    ChallengerService service = new ChallengerService(p.db(), p.declarations(), p.models(), dir.resolve("models"),
        upsideDown(), p::activateModel);
    String challenger = service.retrain(champion, "adam").id();
    assertThat(challenger).isNotEqualTo(champion);
    assertThat(p.models().find(challenger)).isPresent().get().matches(m -> !m.active());
    assertThat(kinds(challenger)).contains("challenger_trained", "model_registered");

    // new traffic is decided by the champion alone; the challenger scores it in the shadow
    List<Declaration> rows = later("SH-");
    List<DeclarationStore.Decided> decided = p.decisions().decideBatch(rows, "ana");
    p.storeBatch("shadow-test.csv", "ana", decided);
    service.shadow(rows);
    service.awaitShadow();
    assertThat(count("SELECT COUNT(*) FROM shadow_scores WHERE bundle_id = '" + challenger + "'"))
        .isEqualTo(rows.size());
    assertThat(decided).allSatisfy(d -> assertThat(d.decision().bundleId()).isEqualTo(champion));
    assertThatThrownBy(() -> service.evaluate(champion, 3)).hasMessageContaining("random pick with a recorded result");

    // the red lane is inspected, random picks included
    int randomPicks = 0;
    for (DeclarationStore.Decided d : decided) {
      if (d.decision().lane() == Lane.RED) {
        Declaration x = d.declaration();
        p.recordResult(new InspectionResult(x.id(), x.isFraud(), x.isFraud() ? 1 : 0, 0, "test", "ana", Instant.now()));
        randomPicks += d.decision().randomPick() ? 1 : 0;
      }
    }
    assertThat(randomPicks).isGreaterThan(10);
    ChallengerEvaluation e = service.evaluate(champion, 3);
    assertThat(e.rows()).isEqualTo(rows.size());
    assertThat(e.randomPicksInspected()).isEqualTo(randomPicks);
    assertThat(e.worse()).isTrue();
    assertThat(e.challenger().precision().value()).isLessThan(e.champion().precision().value());

    assertThatThrownBy(() -> service.promote(champion, 3, "sue")).isInstanceOf(ChallengerService.Refused.class)
        .hasMessageContaining("worse");
    assertThat(kinds(challenger)).contains("promotion_refused").doesNotContain("challenger_promoted");
    assertThat(p.models().active().orElseThrow().id()).isEqualTo(champion);
    assertThat(p.decisions().config().bundle().id()).isEqualTo(champion);
  }

  @Test
  void aScheduleRetrainsAsTheScheduler() throws Exception {
    Platform p = s.platform;
    long before = kindsByActor("scheduler");
    try (ChallengerService service = new ChallengerService(p.db(), p.declarations(), p.models(),
        dir.resolve("scheduled"), upsideDown(), p::activateModel)) {
      // the next retraining would start two seconds after the first ends: the test is done by then
      service.retrainEvery(java.time.Duration.ofSeconds(2), () -> p.decisions().config().bundle().id());
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (kindsByActor("scheduler") == before && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    assertThat(kindsByActor("scheduler")).isGreaterThan(before);
  }

  private static long kindsByActor(String actor) {
    return AuditLog.latest(s.platform.db(), "", 10_000).stream()
        .filter(e -> e.actor().equals(actor) && e.kind().equals("challenger_trained")).count();
  }

  @Test
  void retrainingIsForAdminsAndPromotionForSupervisors() throws Exception {
    assertThat(s.post("/api/v1/challenger/retrain", Role.SUPERVISOR, "{}").statusCode()).isEqualTo(403);
    assertThat(s.post("/api/v1/challenger/promote", Role.ANALYST, "{}").statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/challenger", Role.ANALYST).statusCode()).isEqualTo(403);
    HttpResponse<String> trained = s.post("/api/v1/challenger/retrain", Role.ADMIN, "{}");
    assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
    String id = org.riskgate.server.Json.MAPPER.readTree(trained.body()).get("challenger").asText();
    assertThat(kinds(id)).contains("challenger_trained");
    // a single declaration decided through the API is shadow-scored once it is stored
    HttpResponse<String> one = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"SHADOW-1\",\"date\":\""
        + LocalDate.now() + "\",\"importerId\":\"QLRUBN9\",\"hsCode\":\"440890\",\"originCountry\":\"BE\","
        + "\"taxRate\":0,\"netMass\":1,\"itemPrice\":1}");
    assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
    s.platform.challengers().awaitShadow();
    assertThat(count("SELECT COUNT(*) FROM shadow_scores WHERE declaration_id = 'SHADOW-1' AND bundle_id = '" + id + "'"))
        .isEqualTo(1);
    HttpResponse<String> status = s.get("/api/v1/challenger", Role.SUPERVISOR);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains(id);
    // nothing new has been shadow-scored and inspected at random yet: the promotion is refused, audited
    HttpResponse<String> promote = s.post("/api/v1/challenger/promote", Role.SUPERVISOR, "{}");
    assertThat(promote.statusCode()).as(promote.body()).isEqualTo(409);
    assertThat(promote.body()).contains("promotion refused");
    assertThat(kinds(id)).contains("promotion_refused");
  }

  @Test
  void driftOfTheStoredDeclarationsIsServedToSupervisors() throws Exception {
    assertThat(s.get("/api/v1/drift", Role.ANALYST).statusCode()).isEqualTo(403);
    HttpResponse<String> r = s.get("/api/v1/drift", Role.SUPERVISOR);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var body = org.riskgate.server.Json.MAPPER.readTree(r.body());
    assertThat(body.has("alarm")).isTrue();
    assertThat(body.get("report").get("weeks").size()).isGreaterThanOrEqualTo(13);
    assertThat(body.get("worst").get(0).has("psi")).isTrue();
  }

  private static List<String> kinds(String subject) {
    return AuditLog.latest(s.platform.db(), subject, 100).stream().map(AuditEntry::kind).toList();
  }

  private static long count(String sql) throws Exception {
    try (Connection c = s.platform.db().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
