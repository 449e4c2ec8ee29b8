package org.riskgate.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;
import org.riskgate.selectivity.rules.Rules;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Json;
import org.riskgate.server.MovingClock;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.decide.DecisionService;
import org.riskgate.server.decide.Thresholds;
import org.riskgate.server.store.StoredDecision;
import org.riskgate.profiles.network.NetworkConfig;

/**
 * The server's trader network: built in the background, swapped whole, read by decisions without
 * ever waiting, and named in their reasons and context.
 */
class NetworkServiceTest {
  static final LocalDate D = LocalDate.of(2021, 4, 1);

  static Declaration decl(String id, LocalDate date, String importer, String declarant, Boolean fraud) {
    return new Declaration(id, date, "30", "B", "11", "21", "11", "10", declarant, importer, "", "", "850440",
        "CN", "CN", 8, "A", "G", 10, 1000,
        fraud == null ? Optional.empty() : Optional.of(new InspectionOutcome(fraud, fraud ? 1 : 0)),
        OptionalDouble.empty(), "");
  }

  /** Declarant R brings in six new importers, five of them found fraudulent: a ring. */
  static List<Declaration> ring() {
    List<Declaration> h = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      h.add(decl("r" + i, D.minusDays(10 + i), "NEW" + i, "R", i < 5));
      h.add(decl("q" + i, D.minusDays(10 + i), "NEWQ" + i, "Q", false));
    }
    return h;
  }

  static void await(BooleanSupplier done, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
      Thread.sleep(20);
    }
  }

  @Test
  void scoringNeverWaitsForARebuild() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger reads = new AtomicInteger();
    List<Declaration> later = new ArrayList<>(ring());
    later.add(decl("late", D.plusDays(20), "NEW0", "R", null));
    try (NetworkService n = new NetworkService(() -> {
      if (reads.incrementAndGet() == 1) {
        return ring();
      }
      try {
        // the second build hangs until the test lets it go
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return later;
    }, NetworkConfig.defaults(), new NetworkService.Schedule(2, Duration.ofHours(1), 1), Clock.systemUTC())) {
      await(() -> n.builds() == 1, "the first build");
      assertThat(n.snapshot().orElseThrow().network().asOf()).isEqualTo(D.minusDays(9));
      n.changed(1);
      assertThat(reads.get()).as("one change of two starts no rebuild").isEqualTo(1);
      n.changed(1);
      await(() -> reads.get() == 2, "the second build to start");
      // while the rebuild hangs, decisions read the snapshot in force, at once
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        for (int i = 0; i < 100; i++) {
          Evidence e = n.evidence().about(decl("x" + i, D, "NEW1", "R", null));
          assertThat(e.asOf()).containsEntry("network", D.minusDays(9));
          assertThat(e.figures().get("net.declarant_new_importers")).isEqualTo(6.0);
        }
      });
      assertThat(n.builds()).isEqualTo(1);
      release.countDown();
      await(() -> n.builds() == 2, "the second build");
      assertThat(n.evidence().about(decl("y", D, "NEW1", "R", null)).asOf())
          .containsEntry("network", D.plusDays(21));
    }
  }

  /** A clock that moves only when told: here, by the builds' reads of the history. */

  @Test
  void theNextBuildWaitsUntilTheLastOnesShareOfACoreIsSpent() {
    NetworkService.Schedule s = new NetworkService.Schedule(1_000, Duration.ofHours(1), 0.02);
    Instant end = Instant.parse("2021-04-01T09:00:00Z");
    assertThat(s.nextStart(end, Duration.ofSeconds(2))).isEqualTo(end.plusSeconds(98));
    assertThat(new NetworkService.Schedule(1, Duration.ofHours(1), 1).nextStart(end, Duration.ofSeconds(2)))
        .isEqualTo(end);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NetworkService.Schedule(1, Duration.ofHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void steadyChangesDoNotRebuildBackToBack() throws Exception {
    // each build "takes" a second of the clock; at 1 % of a core the next may start 99 s after it
    MovingClock clock = new MovingClock(Instant.parse("2021-04-01T09:00:00Z"));
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch firstRead = new CountDownLatch(1);
    try (NetworkService n = new NetworkService(() -> {
      reading.countDown();
      try {
        firstRead.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reads.incrementAndGet();
      clock.advance(Duration.ofSeconds(1));
      return ring();
    }, NetworkConfig.defaults(), new NetworkService.Schedule(1, Duration.ofHours(1), 0.01), clock)) {
      // a rebuild asked for while the first build runs waits for that build's share as well
      reading.await();
      n.changed(10);
      firstRead.countDown();
      await(() -> n.builds() >= 1, "the first build");
      for (int i = 0; i < 50; i++) {
        n.changed(10);
        Thread.sleep(10);
      }
      assertThat(reads.get()).as("50 changes past the threshold, 99 s of the clock too soon: no second build")
          .isEqualTo(1);
      assertThat(n.builds()).isEqualTo(1);
    }
  }

  @Test
  void beforeTheFirstBuildThereIsNoNetworkEvidenceAndNoWait() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (NetworkService n = new NetworkService(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ring();
    }, NetworkConfig.defaults(), NetworkService.Schedule.DEFAULT, Clock.systemUTC())) {
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
          assertThat(n.evidence().about(decl("x", D, "NEW1", "R", null))).isEqualTo(Evidence.NONE));
      release.countDown();
      await(() -> n.snapshot().isPresent(), "the first build");
    }
  }

  @Test
  void aRuleOverANetworkFigureDecidesAndTheReasonsNameTheNetwork() throws Exception {
    ModelBundle bundle = ModelBundle.load(Fixtures.bundle());
    try (NetworkService n = new NetworkService(NetworkServiceTest::ring, NetworkConfig.defaults(),
        NetworkService.Schedule.DEFAULT, Clock.systemUTC())) {
      await(() -> n.snapshot().isPresent(), "the first build");
      String text = "rule \"ring\" when net.declarant_new_importer_hit_rate >= 0.5 then lane red, "
          + "reason \"declarant's new importers turn out fraudulent\"";
      DecisionService s = new DecisionService(new DecisionService.Config(bundle, Rules.parse(text, "rules"), text,
          new Capacity(3, 7, 0, false), Objective.FRAUDS, new Thresholds(0.99, 0.98, 1)), n.evidence());
      StoredDecision ringed = s.decideOne(decl("z", D, "NEW9", "R", null), "t").decision();
      assertThat(ringed.lane()).isEqualTo(Lane.RED);
      assertThat(ringed.reasons().get(0))
          .isEqualTo(new Reason("rule:ring", "declarant's new importers turn out fraudulent", 0, true));
      assertThat(ringed.reasons()).anySatisfy(r -> {
        assertThat(r.source()).isEqualTo("network");
        assertThat(r.text()).startsWith("declarant R brought in 6 new importers; fraud found in ");
      });
      assertThat(ringed.context().orElseThrow().evidenceAsOf()).containsEntry("network", D.minusDays(9));
      // the clean declarant Q is no ring: the rule does not fire
      StoredDecision clean = s.decideOne(decl("y", D, "NEWQ9", "Q", null), "t").decision();
      assertThat(clean.rulesHit()).doesNotContain("ring");
      assertThat(clean.reasons()).noneMatch(r -> r.source().equals("network"));
    }
  }

  @Test
  void theServeNetworkReachesRulesAndIsNamedInTheDecision() throws Exception {
    TestServer s = TestServer.shared();
    await(() -> s.platform.network().snapshot().isPresent(), "the server's first network build");
    HttpResponse<String> rules = s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"rule \\\"networked\\\" when "
        + "net.importer_degree >= 0 then reason \\\"in the trader network\\\"\"}");
    assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
    try {
      String before = s.platform.network().snapshot().orElseThrow().network().asOf().toString();
      HttpResponse<String> r = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"NET-1\",\"date\":\"2021-04-01\","
          + "\"officeId\":\"30\",\"importerId\":\"NETIMP1\",\"hsCode\":\"440890\",\"originCountry\":\"BE\","
          + "\"taxRate\":8,\"netMass\":10,\"itemPrice\":1000}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode d = Json.MAPPER.readTree(r.body());
      assertThat(d.get("rulesHit").toString()).contains("networked");
      assertThat(d.get("reasons").toString()).contains("in the trader network");
      // the snapshot in force when it was decided (a background rebuild may have swapped it since)
      assertThat(d.at("/context/evidenceAsOf/network").asText())
          .isIn(before, s.platform.network().snapshot().orElseThrow().network().asOf().toString());
    } finally {
      s.put("/api/v1/rules", Role.SUPERVISOR, "{\"rules\":\"\"}");
    }
  }
}
