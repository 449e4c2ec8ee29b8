package org.riskgate.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.QueueFilter;

/**
 * Finding 3 of issue 13: the single-declaration thresholds must not be steerable by an ingest.
 * The probe's attack was 20,000 rows dated 9999-12-31, which stayed "the latest" traffic for ever
 * and moved red and yellow to 0.984, so a red declaration went green.
 */
class ThresholdPoisoningTest {
  static final int ROWS = 20_000;
  static TestServer s;
  static Declaration top;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-poison"), Optional.empty(), 32L << 20, true);
    // the demo's highest-scored declaration that is red on its own when declared today
    var first = new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        java.util.OptionalDouble.empty(), 1, 500);
    for (var row : s.platform.declarations().queue(first).rows()) {
      Declaration d = redated(s.platform.declarations().find(row.id()).orElseThrow().declaration(), "TOP",
          LocalDate.now());
      if (red(d)) {
        top = d;
        return;
      }
    }
    throw new AssertionError("no demo declaration is red on its own today");
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static Declaration redated(Declaration d, String id, LocalDate date) {
    return new Declaration(id, date, d.officeId(), d.processType(), d.importType(), d.importUse(), d.paymentType(),
        d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
        d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice(), Optional.empty(), d.revenue(), d.description());
  }

  static String csvRow(Declaration d) {
    return String.join(",", d.id(), d.date().toString(), d.officeId(), d.processType(), d.importType(),
        d.importUse(), d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(),
        d.courierId(), d.hsCode(), d.departureCountry(), d.originCountry(), fmt(d.taxRate()), d.taxType(),
        d.originIndicator(), fmt(d.netMass()), fmt(d.itemPrice()));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String csv(List<Declaration> rows) {
    StringBuilder b = new StringBuilder("Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,"
        + "Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,"
        + "Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price\n");
    rows.forEach(d -> b.append(csvRow(d)).append('\n'));
    return b.toString();
  }

  /** Copies of the top declaration: the rows that would push the thresholds up. */
  static List<Declaration> flood(String prefix, LocalDate date) {
    List<Declaration> out = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      out.add(redated(top, prefix + i, date));
    }
    return out;
  }

  private static boolean red(Declaration d) {
    DecisionService.Config c = s.platform.decisions().config();
    double score = s.platform.decisions().decideOne(d, "test").decision().score();
    return c.objective().priority(score, d) >= c.thresholds().red();
  }

  @Test
  void farFutureRowsAreRefusedAndCannotMoveTheThresholds() throws Exception {
    Thresholds before = s.platform.decisions().config().thresholds();
    for (LocalDate far : List.of(LocalDate.of(9999, 12, 31), LocalDate.now().plusDays(2), LocalDate.of(1989, 12, 31))) {
      HttpResponse<String> r = s.send("POST", "/api/v1/batches?name=future.csv", s.tokens.get(Role.ANALYST),
          "text/csv", csv(flood("F" + far.getYear() + "-", far)));
      assertThat(r.statusCode()).as(far + ": " + r.body().substring(0, Math.min(300, r.body().length())))
          .isEqualTo(422);
      assertThat(r.body()).contains("\"field\":\"Date\"", "outside the accepted window");
      HttpResponse<String> one = s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"FAR1\",\"date\":\"" + far
          + "\",\"importerId\":\"IMP1\",\"hsCode\":\"440890\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":100}");
      assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
    }
    s.platform.recalibrate();
    assertThat(s.platform.decisions().config().thresholds()).isEqualTo(before);
    assertThat(red(top)).isTrue();
  }

  @Test
  void rowsStoredBeforeTheChecksDoNotSteerCalibration() {
    Thresholds before = s.platform.decisions().config().thresholds();
    // as a store written before dates were checked holds them: 20,000 far-future rows
    List<DeclarationStore.Decided> poison = s.platform.decisions().decideBatch(flood("P", LocalDate.of(9999, 12, 31)),
        "legacy");
    s.platform.declarations().storeBatch("legacy.csv", "legacy", poison);
    s.platform.recalibrate();
    assertThat(s.platform.decisions().config().thresholds()).isEqualTo(before);
    assertThat(red(top)).isTrue();
  }

  @Test
  void thresholdsAreRecalibratedAfterEachBatch() throws Exception {
    int basis = s.platform.decisions().config().thresholds().basis();
    // low-scored rows (the demo's lowest), so the other tests' red declaration stays red
    long total = s.platform.declarations().queue(QueueFilter.all()).total();
    String low = s.platform.declarations().queue(new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), java.util.OptionalDouble.empty(), (int) total, 1)).rows().get(0).id();
    Declaration bottom = s.platform.declarations().find(low).orElseThrow().declaration();
    List<Declaration> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(redated(bottom, "B" + i, LocalDate.now()));
    }
    HttpResponse<String> r = s.send("POST", "/api/v1/batches?name=today.csv", s.tokens.get(Role.ANALYST),
        "text/csv", csv(rows));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(s.platform.decisions().config().thresholds().basis()).isEqualTo(Math.min(ROWS, basis + 500));
  }
}
