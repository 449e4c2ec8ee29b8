package org.riskgate.selectivity.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskModel;
import org.riskgate.risk.Trainer;

public class SimulatorTest {
  static final LocalDate START = LocalDate.of(2021, 1, 1);
  static List<Declaration> past;
  static List<Declaration> period;
  @TempDir static Path dir;

  @BeforeAll
  static void read() throws Exception {
    past = DeclarationReader.readAll(Path.of("../data/customs/df_syn_train_eng.csv"), ColumnMapping.defaults(),
        new RejectFile(dir.resolve("r.csv"))).stream().filter(d -> d.date().getMonthValue() == 12).toList();
    period = DeclarationReader.readAll(Path.of("../data/customs/df_syn_valid_eng.csv"), ColumnMapping.defaults(),
        new RejectFile(dir.resolve("r2.csv")));
  }

  /** A trainer not under test: the model's score is the logistic of the declared price's log. */
  public static Trainer priceTrainer() {
    return new Trainer() {
      @Override
      public String name() {
        return "price";
      }

      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }

      @Override
      public TrainedModel train(Dataset train, Optional<Dataset> valid) {
        int column = train.featureNames().indexOf("log_price");
        return new TrainedModel(new RiskModel() {
          @Override
          public String kind() {
            return "price";
          }

          @Override
          public double[] score(float[] x, int rows, int cols) {
            double[] s = new double[rows];
            for (int r = 0; r < rows; r++) {
              s[r] = 1 / (1 + Math.exp(-(x[r * cols + column] - 12)));
            }
            return s;
          }

          @Override
          public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
            return Optional.empty();
          }

          @Override
          public void save(Path bundleDir) {
            throw new UnsupportedOperationException();
          }
        }, Map.of());
      }
    };
  }

  @Test
  void theDeclarationsItServesCarryNoOutcome() {
    Oracle oracle = new Oracle(period, START, 2, 10);
    for (LocalDate w : oracle.weeks()) {
      assertThat(oracle.declarations(w)).isNotEmpty().allSatisfy(d -> assertThat(d.outcome()).isEmpty());
    }
  }

  @Test
  void itAnswersOnlyForTheWeeksSelectionWithinCapacityOnce() {
    Oracle oracle = new Oracle(period, START, 2, 10);
    LocalDate first = oracle.weeks().get(0);
    LocalDate second = oracle.weeks().get(1);
    List<Declaration> week = oracle.declarations(first);
    int capacity = oracle.capacity(first);
    Oracle.Inspector inspector = oracle.inspector();
    List<String> tooMany = week.stream().limit(capacity + 1).map(Declaration::id).toList();
    assertThatThrownBy(() -> inspector.inspect(first, tooMany)).hasMessageContaining("capacity is " + capacity);
    String otherWeek = oracle.declarations(second).get(0).id();
    assertThatThrownBy(() -> inspector.inspect(first, List.of(otherWeek))).hasMessageContaining(otherWeek);
    assertThatThrownBy(() -> inspector.inspect(second, List.of(otherWeek))).hasMessageContaining("next week is " + first);
    assertThatThrownBy(() -> inspector.inspect(first, List.of(week.get(0).id(), week.get(0).id())))
        .hasMessageContaining("twice");

    List<String> asked = week.stream().limit(3).map(Declaration::id).toList();
    Oracle.Revealed r = inspector.inspect(first, asked);
    assertThat(r.outcomes()).extracting(Declaration::id).containsExactlyInAnyOrderElementsOf(asked);
    assertThat(r.outcomes()).allSatisfy(d -> assertThat(d.outcome()).isPresent());
    assertThat(r.figures().selected()).isEqualTo(3);
    assertThatThrownBy(() -> inspector.inspect(first, asked)).hasMessageContaining("cannot be inspected now");
  }

  @Test
  void retrainingSeesOnlyTheOutcomesOfInspectedDeclarations() throws Exception {
    Path data = Files.writeString(dir.resolve("data.csv"), "stands for the data file");
    Oracle oracle = new Oracle(period, START, 3, 5);
    Set<String> pastIds = new HashSet<>();
    past.forEach(d -> pastIds.add(d.id()));
    List<List<Declaration>> histories = new ArrayList<>();
    Simulator.Retrainer recipe = Simulator.recipe(priceTrainer(), FeatureSet.ALL, data);
    Simulator.Retrainer recording = history -> {
      histories.add(List.copyOf(history));
      return recipe.train(history);
    };
    List<Strategy> strategies = Strategy.parseList("exploit,epsilon:0.2,adaptive");
    Simulator.Result result = Simulator.run(past, oracle, strategies, recording, 7, (s, w) -> { });

    // the first model on the past alone; then each non-random strategy retrains after weeks 1 and 2
    assertThat(histories).hasSize(1 + 3 * 2);
    for (List<Declaration> h : histories.subList(1, histories.size())) {
      List<Declaration> simulated = h.stream().filter(d -> !pastIds.contains(d.id())).toList();
      long labelled = simulated.stream().filter(d -> d.outcome().isPresent()).count();
      int weeksIn = (int) simulated.stream().map(Declaration::date).map(d -> (d.toEpochDay() - START.toEpochDay()) / 7)
          .distinct().count();
      int capacity = 0;
      for (int w = 0; w < weeksIn; w++) {
        capacity += oracle.capacity(oracle.weeks().get(w));
      }
      // every declaration of the weeks so far is in the history; only the inspected ones are labelled
      assertThat(labelled).isEqualTo(capacity);
      assertThat(simulated.size()).isGreaterThan(10 * capacity);
    }
    assertThat(result.weeks()).hasSize(9);
    assertThat(result.weeks()).allSatisfy(w -> assertThat(w.figures().selected())
        .isEqualTo(oracle.capacity(w.monday())));
    assertThat(result.weeks().stream().filter(w -> w.strategy().equals("epsilon:0.2")))
        .allSatisfy(w -> assertThat(w.share()).isEqualTo(0.2));
  }

  @Test
  void selectionSplitsTheCapacityBetweenScoresAndExploration() {
    List<Declaration> week = period.subList(0, 10);
    double[] scores = {0.9, 0.1, 0.8, 0.45, 0.2, 0.55, 0.3, 0.7, 0.05, 0.6};
    Simulator.Selection s = Simulator.select(week, scores, 4, 0.5, true, new java.util.SplittableRandom(1));
    assertThat(s.byScore()).containsExactly(week.get(0).id(), week.get(2).id());
    // closest to one half among the rest: 0.45 and 0.55
    assertThat(s.exploring()).containsExactly(week.get(3).id(), week.get(5).id());
    Simulator.Selection exploit = Simulator.select(week, scores, 3, 0, false, new java.util.SplittableRandom(1));
    assertThat(exploit.ids()).containsExactly(week.get(0).id(), week.get(2).id(), week.get(7).id());
  }

  @Test
  void strategiesAreParsedAsNamed() {
    assertThat(Strategy.parseList("exploit,random,epsilon:0.1,uncertainty,adaptive")).extracting(Strategy::name)
        .containsExactly("exploit", "random", "epsilon:0.1", "uncertainty", "adaptive");
    assertThatThrownBy(() -> Strategy.parse("epsilon")).hasMessageContaining("epsilon:0.1");
    assertThatThrownBy(() -> Strategy.parse("greedy")).hasMessageContaining("unknown strategy");
  }
}
