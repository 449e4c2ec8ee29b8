package org.riskgate.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.Explanations;
import org.riskgate.risk.ModelBundle;

/** The parties' sequences and the GRU over them, on {@link SmallData}. */
class SequenceTest {
  final SmallData data = SmallData.get();
  final Dataset train = data.prepared.train();

  private float[] tokens(Dataset d, int row) {
    PartyHistory.Result w = PartyHistory.walk(d, SequenceTrainer.LENGTH);
    return Arrays.copyOfRange(w.rows().x(), row * w.rows().cols() + d.cols(), (row + 1) * w.rows().cols());
  }

  @Test
  void laterDeclarationsNeverReachAnEarlierOnesSequence() {
    int cut = 2500;
    int day = train.featureNames().indexOf("day_of_week");
    int tax = train.featureNames().indexOf("log_tax_at_stake");
    int cols = train.cols();
    // the day of row `cut`: [dayStart, dayEnd)
    int dayStart = cut;
    while (dayStart > 0 && train.x()[(dayStart - 1) * cols + day] == train.x()[cut * cols + day]) {
      dayStart--;
    }
    int dayEnd = cut;
    while (dayEnd < train.rows() && train.x()[dayEnd * cols + day] == train.x()[cut * cols + day]) {
      dayEnd++;
    }
    // that day's outcomes and every later declaration's outcome and tax change
    float[] x = train.x().clone();
    float[] y = train.labels().clone();
    for (int r = dayStart; r < train.rows(); r++) {
      y[r] = 1 - y[r];
      if (r >= dayEnd) {
        x[r * cols + tax] += 3;
      }
    }
    Dataset changed = new Dataset(x, train.rows(), cols, y, train.featureNames());
    PartyHistory.Result before = PartyHistory.walk(train, SequenceTrainer.LENGTH);
    PartyHistory.Result after = PartyHistory.walk(changed, SequenceTrainer.LENGTH);
    int w = before.rows().cols();
    // the earlier days' rows, and the changed day's own, read the same histories
    for (int r = 0; r < dayEnd; r++) {
      assertThat(Arrays.copyOfRange(after.rows().x(), r * w + cols, (r + 1) * w))
          .as("row %d", r).containsExactly(Arrays.copyOfRange(before.rows().x(), r * w + cols, (r + 1) * w));
    }
    // and the test can fail: the next days' rows see the changed outcomes
    boolean differs = false;
    for (int r = dayEnd; r < train.rows() && !differs; r++) {
      differs = !Arrays.equals(Arrays.copyOfRange(after.rows().x(), r * w + cols, (r + 1) * w),
          Arrays.copyOfRange(before.rows().x(), r * w + cols, (r + 1) * w));
    }
    assertThat(differs).isTrue();
    // the first day's rows have no history at all
    assertThat(tokens(train, 0)).containsOnly(0f);
  }

  @Test
  void aBundleRoundTripsAndEachDeclarationIsScoredOnItsOwn() throws Exception {
    ModelBundle bundle = data.train(new SequenceTrainer(SmallData.QUICK));
    bundle.save(data.dir.resolve("seq"));
    ModelBundle loaded = ModelBundle.load(data.dir.resolve("seq"));
    int w = train.cols();
    float[] x = data.head(300);
    double[] before = bundle.model().score(x, 300, w);
    double[] after = loaded.model().score(x, 300, w);
    for (int i = 0; i < before.length; i++) {
      assertThat(after[i]).isCloseTo(before[i], Offset.offset(1e-6));
    }
    // a declaration's score does not depend on what else is scored with it
    double[] alone = loaded.model().score(Arrays.copyOfRange(x, 299 * w, 300 * w), 1, w);
    assertThat(alone[0]).isCloseTo(after[299], Offset.offset(1e-6));
    assertThat(loaded.provenance()).isEqualTo(bundle.provenance());
    assertThat(loaded.provenance().trainer()).isEqualTo("party-sequence");
    assertThat(loaded.provenance().parameters()).containsEntry("seed", "42").containsKey("sequence");
    assertThat(loaded.provenance().trainingNotes()).containsKeys("epochs", "train_seconds", "parties_with_history");
    float[][] c1 = bundle.model().contributions(x, 5, w, true).orElseThrow();
    float[][] c2 = loaded.model().contributions(x, 5, w, true).orElseThrow();
    for (int r = 0; r < 5; r++) {
      assertThat(c1[r]).hasSize(w + 1);
      for (int f = 0; f <= w; f++) {
        assertThat(c2[r][f]).isCloseTo(c1[r][f], Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void integratedGradientsAddUpAndTheHistoryExplainsAsTheParty() throws Exception {
    SequenceModel model = (SequenceModel) new SequenceTrainer(SmallData.QUICK).train(train, Optional.empty()).model();
    int cols = train.cols();
    int n = 40;
    int from = 3000; // late enough that most importers have a history
    float[] x = Arrays.copyOfRange(train.x(), from * cols, (from + n) * cols);
    float[] appended = model.history().append(x, 0, n, cols);
    float[] logits = model.network().logits(appended, n);
    float baseline;
    try (NDManager m = model.network().net().params.manager.newSubManager()) {
      int width = model.network().net().dimFeature().length;
      baseline = model.network().net().logit(m.zeros(new ai.djl.ndarray.types.Shape(1, width))).toFloatArray()[0];
    }
    float[][] c = model.contributions(x, n, cols, true).orElseThrow();
    int importer = train.featureNames().indexOf("importer_id");
    double worst = 0;
    double importerShare = 0;
    for (int r = 0; r < n; r++) {
      double features = 0;
      for (int f = 0; f < cols; f++) {
        features += c[r][f];
      }
      assertThat(features + c[r][cols]).isCloseTo(logits[r], Offset.offset(1e-4));
      worst = Math.max(worst, Math.abs(features - (logits[r] - baseline)));
      importerShare += Math.abs(c[r][importer]);
    }
    assertThat(worst).isLessThan(0.05);
    assertThat(importerShare).isPositive();
  }

  @Test
  void reasonsAreInThePipelinesWords() throws Exception {
    ModelBundle bundle = data.train(new SequenceTrainer(SmallData.QUICK));
    int w = train.cols();
    float[] x = data.head(50);
    float[][] c = bundle.model().contributions(x, 50, w, true).orElseThrow();
    List<Declaration> ordered = org.riskgate.risk.features.FeaturePipeline.fit(data.rows).walk(data.rows, (p, d, f) -> {});
    boolean any = false;
    for (int r = 0; r < 50; r++) {
      for (Contribution t : Explanations.top(bundle.features(), ordered.get(r), c[r], x, r * w, 3)) {
        assertThat(t.text()).isNotBlank();
        any = true;
      }
    }
    assertThat(any).isTrue();
  }
}
