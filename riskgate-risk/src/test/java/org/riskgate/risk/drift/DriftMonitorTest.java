package org.riskgate.risk.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.PublicData;
import org.riskgate.risk.RiskModel;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.Trainer;

class DriftMonitorTest {
  /** A model that is not under test: its score is the logistic of the declared price's log. */
  static final class PriceModel implements RiskModel {
    private final int column;

    PriceModel(int column) {
      this.column = column;
    }

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
      throw new UnsupportedOperationException("the test model is never saved");
    }
  }

  static ModelBundle bundle(List<Declaration> training, Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("train.csv"), "stands for the training file");
    RiskTraining.Prepared p = RiskTraining.prepare(training, Optional.empty());
    int price = p.pipeline().position("log_price");
    Trainer t = new Trainer() {
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
        return new TrainedModel(new PriceModel(price), Map.of());
      }
    };
    return RiskTraining.fit(p, t, FeatureSet.ALL, new RiskTraining.Source(file, 0, Optional.empty()));
  }

  private static Declaration priced(Declaration d, double factor) {
    return new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(), d.importUse(),
        d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
        d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice() * factor, d.outcome(), d.revenue(), d.description());
  }

  @Test
  void aWeekWhosePricesJumpRaisesTheAlarmOnPriceAndScoreOnly(@TempDir Path dir) throws Exception {
    List<Declaration> training = PublicData.train().stream()
        .filter(d -> d.date().isBefore(LocalDate.of(2020, 7, 1))).toList();
    ModelBundle b = bundle(training, dir);
    // two whole weeks of July: the first as it was, the second with prices a hundred times higher
    LocalDate second = LocalDate.of(2020, 7, 13);
    List<Declaration> later = PublicData.train().stream()
        .filter(d -> !d.date().isBefore(LocalDate.of(2020, 7, 6)) && d.date().isBefore(LocalDate.of(2020, 7, 20)))
        .map(d -> d.date().isBefore(second) ? d : priced(d, 100)).toList();
    DriftReport report = DriftMonitor.measure(b, training, later, DriftConfig.DEFAULT);

    assertThat(report.weeks()).extracting(DriftReport.Week::monday)
        .containsExactly(LocalDate.of(2020, 7, 6), second);
    assertThat(report.referenceTo()).isEqualTo(LocalDate.of(2020, 6, 30));
    DriftReport.Week calm = report.weeks().get(0);
    DriftReport.Week jumped = report.weeks().get(1);
    assertThat(measure(calm, "log_price").psi()).isLessThan(0.1);
    assertThat(measure(jumped, "log_price").psi()).isGreaterThan(1);
    assertThat(measure(jumped, "log_price").alarm()).isTrue();
    assertThat(measure(jumped, DriftReport.SCORE).alarm()).isTrue();
    assertThat(measure(jumped, "office").alarm()).isFalse();
    assertThat(report.alarm()).isTrue();
  }

  @Test
  void refusesDataInsideTheTrainingPeriod(@TempDir Path dir) throws Exception {
    List<Declaration> training = PublicData.train().stream()
        .filter(d -> d.date().isBefore(LocalDate.of(2020, 3, 1))).toList();
    ModelBundle b = bundle(training, dir);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DriftMonitor.measure(b, training, training.subList(0, 10), DriftConfig.DEFAULT));
  }

  private static DriftReport.Measure measure(DriftReport.Week w, String name) {
    return w.measures().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
