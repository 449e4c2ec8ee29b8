package org.riskgate.risk.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.risk.PublicData;

class FeaturePipelineTest {

  private static Map<String, float[]> byId(FeaturePipeline.Walk w) {
    Map<String, float[]> m = new HashMap<>();
    for (int r = 0; r < w.rows(); r++) {
      m.put(w.order().get(r).id(), Arrays.copyOfRange(w.matrix(), r * w.width(), (r + 1) * w.width()));
    }
    return m;
  }

  /**
   * The no-leakage proof: rewrite the outcome of every declaration dated on or after a cut day,
   * and shuffle every party of the later ones. Features of declarations up to and including the
   * cut day must not move by a single bit; later ones must (so the test can fail).
   */
  @Test
  void featuresOfADayDependOnlyOnEarlierDays() {
    List<Declaration> rows = PublicData.train().subList(0, 12_000);
    LocalDate cut = rows.get(6_000).date();
    List<Declaration> future = new ArrayList<>();
    int k = 0;
    for (Declaration d : rows) {
      if (d.date().isBefore(cut)) {
        future.add(d);
      } else {
        Declaration flipped = d.withOutcome(new InspectionOutcome(!d.isFraud(), d.isFraud() ? 0 : 2));
        if (d.date().isAfter(cut)) {
          // same day must see nothing either; later days get other parties entirely
          flipped = new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(), d.importUse(),
              d.paymentType(), d.transportMode(), "DECL" + (k % 7), rows.get(k % 6_000).importerId(), d.sellerId(),
              d.courierId(), d.hsCode(), d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(),
              d.originIndicator(), d.netMass() * 3, d.itemPrice(), flipped.outcome(), OptionalDouble.empty(), "");
        }
        future.add(flipped);
        k++;
      }
    }
    FeaturePipeline a = FeaturePipeline.fit(rows);
    FeaturePipeline b = FeaturePipeline.fit(rows);
    Map<String, float[]> original = byId(a.walk(rows));
    Map<String, float[]> rewritten = byId(b.walk(future));
    int same = 0;
    int changedLater = 0;
    for (Declaration d : rows) {
      if (!d.date().isAfter(cut)) {
        assertThat(rewritten.get(d.id())).as("features of %s dated %s", d.id(), d.date())
            .containsExactly(original.get(d.id()));
        same++;
      } else if (!Arrays.equals(rewritten.get(d.id()), original.get(d.id()))) {
        changedLater++;
      }
    }
    assertThat(same).isGreaterThan(6_000);
    assertThat(changedLater).as("later declarations do see the rewritten history").isGreaterThan(1_000);
  }

  @Test
  void historyCountsOnlyEarlierDeclarationsOfTheSameImporter() {
    Declaration first = decl("1", "2020-01-01", "IMP", true);
    Declaration sameDay = decl("2", "2020-01-01", "IMP", true);
    Declaration next = decl("3", "2020-01-02", "IMP", false);
    FeaturePipeline p = FeaturePipeline.fit(List.of(first, sameDay, next));
    FeaturePipeline.Walk w = p.walk(List.of(first, sameDay, next));
    int count = p.position("importer.count");
    int rate = p.position("importer.fraud_rate");
    assertThat(w.matrix()[count]).isZero();
    assertThat(w.matrix()[w.width() + count]).as("same day sees nothing of its own day").isZero();
    assertThat(w.matrix()[2 * w.width() + count]).isEqualTo((float) Math.log1p(2));
    // two frauds in two inspections, shrunk towards the prior of 0.5 with strength 5
    assertThat(w.matrix()[2 * w.width() + rate]).isCloseTo((float) ((2 + 5 * (2 + 0.5) / 3.0) / 7), org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void blankSellerHasNoHistoryRatherThanAPooledOne() {
    Declaration a = decl("1", "2020-01-01", "A", true);
    Declaration b = decl("2", "2020-01-02", "B", false);
    FeaturePipeline p = FeaturePipeline.fit(List.of(a, b));
    FeaturePipeline.Walk w = p.walk(List.of(a, b));
    assertThat(w.matrix()[w.width() + p.position("seller.count")]).isNaN();
  }

  @Test
  void savedStateDescribesExactlyAsBefore(@TempDir Path dir) throws Exception {
    List<Declaration> rows = PublicData.train().subList(0, 3_000);
    FeaturePipeline p = FeaturePipeline.fit(rows);
    p.walk(rows);
    p.save(dir.resolve("f.json.gz"));
    FeaturePipeline q = FeaturePipeline.load(dir.resolve("f.json.gz"));
    Declaration later = PublicData.valid().get(0);
    float[] x = new float[p.width()];
    float[] y = new float[q.width()];
    p.describe(later, x, 0);
    q.describe(later, y, 0);
    assertThat(y).containsExactly(x);
    assertThat(q.historyUntil()).isEqualTo(p.historyUntil());
  }

  @Test
  void aTruncatedStateFileIsNamedInTheError(@TempDir Path dir) throws Exception {
    List<Declaration> rows = PublicData.train().subList(0, 3_000);
    FeaturePipeline p = FeaturePipeline.fit(rows);
    p.walk(rows);
    Path file = dir.resolve("f.bin.gz");
    p.save(file);
    byte[] all = java.nio.file.Files.readAllBytes(file);
    java.nio.file.Files.write(file, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> FeaturePipeline.load(file))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("truncated or damaged");
  }

  /**
   * Scoring reads a snapshot of the history, one row or a batch at a time: both must describe
   * every row bit for bit as the live maps do.
   */
  @Test
  void snapshotDescribesExactlyAsTheLiveHistory() {
    List<Declaration> rows = PublicData.train();
    FeaturePipeline p = FeaturePipeline.fit(rows);
    p.walk(rows);
    List<Declaration> valid = PublicData.valid();
    int w = p.width();
    float[] batch = new float[valid.size() * w];
    p.describe(valid, 0, 1_000, batch);
    p.describe(valid, 1_000, valid.size(), batch);
    float[] single = new float[w];
    float[] live = new float[w];
    int known = 0;
    for (int r = 0; r < valid.size(); r++) {
      Declaration d = valid.get(r);
      p.describe(d, single, 0);
      p.describe(d, live, 0, p.live(), r);
      assertThat(Arrays.equals(single, live)).as("features of %s", d.id()).isTrue();
      assertThat(Arrays.equals(Arrays.copyOfRange(batch, r * w, (r + 1) * w), live)).as("batch features of %s", d.id()).isTrue();
      known += Float.isNaN(live[p.position("hs6_origin.unit_value_z")]) ? 0 : 1;
    }
    assertThat(known).as("rows whose HS code from its origin was seen before, so lookups were exercised").isGreaterThan(500);
  }

  @Test
  void snapshotFollowsTheHistoryWhenItAdvances() {
    Declaration a = decl("1", "2020-01-01", "IMP", true);
    Declaration b = decl("2", "2020-01-02", "IMP", false);
    FeaturePipeline p = FeaturePipeline.fit(List.of(a, b));
    float[] x = new float[p.width()];
    p.describe(b, x, 0);
    assertThat(x[p.position("importer.count")]).isZero();
    p.advance(List.of(a));
    p.describe(b, x, 0);
    assertThat(x[p.position("importer.count")]).isEqualTo((float) Math.log1p(1));
  }

  @Test
  void aKeyFingerprintIsTheFingerprintOfItsText() {
    Declaration blankSeller = decl("1", "2020-01-01", "IMP", true);
    for (Declaration d : List.of(blankSeller, PublicData.valid().get(0), PublicData.valid().get(1))) {
      for (Key k : Key.values()) {
        assertThat(k.fingerprint(d)).as("%s of %s", k, d.id()).isEqualTo(Key.fingerprint(k.value(d)));
      }
    }
    assertThat(Key.SELLER.fingerprint(blankSeller)).isEqualTo(Key.BLANK);
    assertThat(Key.HS6_ORIGIN.value(blankSeller)).isEqualTo("440890|CN");
    assertThat(Key.HS6_ORIGIN.fingerprint(blankSeller)).isNotEqualTo(Key.HS6.fingerprint(blankSeller));
  }

  @Test
  void explanationsUseTheHistoryInWords() {
    Declaration a = decl("1", "2020-01-01", "IMP", true);
    Declaration b = decl("2", "2020-01-02", "IMP", false);
    FeaturePipeline p = FeaturePipeline.fit(List.of(a, b));
    p.advance(List.of(a));
    assertThat(p.explain(b, p.position("importer.fraud_rate"), 0.5f))
        .isEqualTo("importer IMP: fraud found in 1 of 1 inspections (100 %)");
    // the declaration's own fields come with the record of their value
    assertThat(p.explain(b, p.position("hs6_number"), 440890))
        .isEqualTo("HS code 440890 (fraud found in 1 of 1 inspections, 100 %)");
    assertThat(p.explain(b, p.position("origin_code"), 0))
        .isEqualTo("origin country CN (fraud found in 1 of 1 inspections, 100 %)");
    assertThat(p.explain(b, p.position("office"), 0)).isEqualTo("customs office 30");
    // the same words in Korean, labels and record included
    assertThat(p.words(b, p.position("hs6_number"), 440890).render(java.util.Locale.KOREAN))
        .isEqualTo("HS 코드 440890 (검사 1건 중 1건 적발, 100 %)");
    assertThat(p.words(b, p.position("importer.fraud_rate"), 0.5f).render(java.util.Locale.KOREAN))
        .isEqualTo("수입자 IMP: 검사 1건 중 1건 적발 (100 %)");
  }

  private static Declaration decl(String id, String date, String importer, boolean fraud) {
    return new Declaration(id, LocalDate.parse(date), "30", "B", "11", "21", "11", "10", "D1", importer, "",
        "", "440890", "CN", "CN", 8, "A", "Y", 100, 5000, Optional.of(new InspectionOutcome(fraud, fraud ? 1 : 0)),
        OptionalDouble.empty(), "");
  }
}
