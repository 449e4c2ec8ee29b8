package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.risk.xgboost.XGBoostOptions;

/**
 * The default blend's cascade against the same blend scored in full, on the public validation
 * period (2021Q1), with the model {@code riskgate train} makes from 2020.
 */
class CascadeTest {
  static ModelBundle bundle;
  static Blend cascaded;
  static Evaluator.ModelEvaluation cut;
  static Evaluator.ModelEvaluation full;
  @TempDir static Path dir;

  @BeforeAll
  static void train() throws Exception {
    Files.writeString(dir.resolve("train.csv"), "stand-in for provenance hashing\n");
    RiskTraining.Prepared prepared = RiskTraining.prepare(PublicData.train(), Optional.empty());
    bundle = RiskTraining.fit(prepared, new BlendTrainer(XGBoostOptions.DEFAULT), FeatureSet.ALL,
        new RiskTraining.Source(dir.resolve("train.csv"), 0, Optional.empty()));
    cascaded = blendOf(bundle);
    cut = Evaluator.evaluate(bundle, PublicData.valid());
    full = Evaluator.evaluate(new ModelBundle(bundle.features(), ModelBundle.reading(cascaded.full(), bundle.provenance()),
        bundle.provenance()), PublicData.valid());
  }

  @Test
  void theDefaultBlendHasACascadeThatSkipsTreesForMostDeclarations() {
    Cascade c = cascaded.cascade().orElseThrow();
    assertThat(c.stages()).isNotEmpty();
    assertThat(bundle.provenance().trainingNotes()).containsKeys("cascade.stages",
        "cascade.floor_log_odds");
    int stopped = 0;
    for (int i = 0; i < cut.scores().length; i++) {
      stopped += cut.scores()[i] != full.scores()[i] ? 1 : 0;
    }
    // the point of the cascade: most declarations of a later period stop after the prefix
    assertThat((double) stopped / cut.scores().length).isGreaterThan(0.5);
  }

  @Test
  void rowsWalkedInFullScoreExactlyAsTheFullBlendAndRowsThatStopScoreBelowTheFloor() {
    double floor = Cascade.sigmoid(cascaded.cascade().orElseThrow().floor());
    int above = 0;
    int aboveButStopped = 0;
    for (int i = 0; i < cut.scores().length; i++) {
      boolean stopped = cut.scores()[i] != full.scores()[i];
      if (stopped) {
        assertThat(cut.scores()[i]).as("row %d", i).isLessThan(floor);
      }
      if (full.scores()[i] >= floor) {
        above++;
        aboveButStopped += stopped ? 1 : 0;
      }
    }
    // the bounds are measured on the training period, so a later period may exceed one now and
    // then: near the floor, far below any day's last yellow declaration
    assertThat(above).isGreaterThan(cut.scores().length / 10);
    assertThat((double) aboveButStopped / above).isLessThan(0.005);
  }

  @Test
  void lanesAreTheFullBlendsForAtLeast999PerMilleOfTheValidationPeriod() {
    List<String> a = lanes(cut);
    List<String> b = lanes(full);
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      same += a.get(i).equals(b.get(i)) ? 1 : 0;
    }
    assertThat((double) same / a.size()).isGreaterThanOrEqualTo(0.999);
    assertThat(cut.metrics().at(5).precision()).isEqualTo(full.metrics().at(5).precision());
    assertThat(cut.metrics().at(10).precision()).isEqualTo(full.metrics().at(10).precision());
    // below the floor rows are ordered by estimates, which costs a little of the whole ranking's AUC
    assertThat(cut.metrics().auc()).isGreaterThan(full.metrics().auc() - 0.002);
  }

  @Test
  void theCascadeRoundTripsAndABundleWithoutOneScoresInFull() throws Exception {
    bundle.save(dir.resolve("bundle"));
    ModelBundle loaded = ModelBundle.load(dir.resolve("bundle"));
    assertThat(blendOf(loaded).cascade()).isEqualTo(cascaded.cascade());
    assertThat(Evaluator.evaluate(loaded, PublicData.valid()).scores()).containsExactly(cut.scores());
    // a bundle made before cascades has no blend/cascade.json: it loads and scores every row in full
    Files.delete(dir.resolve("bundle").resolve("blend").resolve(Cascade.FILE));
    ModelBundle old = ModelBundle.load(dir.resolve("bundle"));
    assertThat(blendOf(old).cascade()).isEmpty();
    assertThat(Evaluator.evaluate(old, PublicData.valid()).scores()).containsExactly(full.scores());
  }

  /** The bundle's blend: it reads the model's columns of the pipeline's rows (the parties' codes are left out). */
  static Blend blendOf(ModelBundle b) {
    return (Blend) (b.model() instanceof ColumnSubset c ? c.inner() : b.model());
  }

  /**
   * Each declaration's lane as the decision's default capacity gives it: per day, the highest 3 %
   * (rounded to the nearest declaration) red, the next 7 % yellow.
   */
  static List<String> lanes(Evaluator.ModelEvaluation e) {
    TreeMap<LocalDate, List<Integer>> days = new TreeMap<>();
    for (int i = 0; i < e.declarations().size(); i++) {
      days.computeIfAbsent(e.declarations().get(i).date(), k -> new ArrayList<>()).add(i);
    }
    List<String> lane = new ArrayList<>(java.util.Collections.nCopies(e.scores().length, "green"));
    for (List<Integer> day : days.values()) {
      day.sort(Comparator.comparingDouble((Integer i) -> -e.scores()[i]));
      int red = (int) Math.floor(day.size() * 0.03 + 0.5);
      int yellow = (int) Math.floor(day.size() * 0.07 + 0.5);
      for (int k = 0; k < Math.min(day.size(), red + yellow); k++) {
        lane.set(day.get(k), k < red ? "red" : "yellow");
      }
    }
    return lane;
  }
}
