package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationTable;
import org.riskgate.risk.features.FeaturePipeline;

class RiskTrainingTest {

  /**
   * Training keeps only the labelled rows of the walk, written straight into one matrix from a
   * compact table that need not be in date order: the matrix must be, bit for bit, the labelled
   * rows of the full walk over the same rows in date order.
   */
  @Test
  void trainingMatrixIsTheLabelledRowsOfTheWalk() {
    List<Declaration> sorted = new ArrayList<>();
    List<Declaration> rows = PublicData.train().subList(0, 8_000);
    for (int i = 0; i < rows.size(); i++) {
      Declaration d = rows.get(i);
      // every fifth row not inspected: it feeds the history, never the matrix
      sorted.add(i % 5 == 2 ? new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(),
          d.importUse(), d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(),
          d.courierId(), d.hsCode(), d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(),
          d.originIndicator(), d.netMass(), d.itemPrice(), Optional.empty(), d.revenue(), d.description()) : d);
    }
    int cut = 4_000;
    while (sorted.get(cut).date().equals(sorted.get(cut - 1).date())) {
      cut++;
    }
    // later days first: the walk must sort them back, each day's rows in their order
    DeclarationTable.Builder shuffled = DeclarationTable.builder();
    sorted.subList(cut, sorted.size()).forEach(shuffled::add);
    sorted.subList(0, cut).forEach(shuffled::add);

    RiskTraining.Prepared p = RiskTraining.prepare(shuffled.build(), Optional.empty());
    FeaturePipeline.Walk all = FeaturePipeline.fit(sorted).walk(sorted);

    int w = all.width();
    List<Float> expected = new ArrayList<>();
    List<Float> labels = new ArrayList<>();
    for (int r = 0; r < all.rows(); r++) {
      if (all.order().get(r).outcome().isPresent()) {
        for (int c = 0; c < w; c++) {
          expected.add(all.matrix()[r * w + c]);
        }
        labels.add(all.order().get(r).isFraud() ? 1f : 0f);
      }
    }
    assertThat(p.train().rows()).isEqualTo(labels.size()).isLessThan(sorted.size());
    assertThat(p.train().x()).containsExactly(toArray(expected));
    assertThat(p.train().labels()).containsExactly(toArray(labels));
    assertThat(p.from()).isEqualTo(sorted.get(0).date());
    assertThat(p.to()).isEqualTo(sorted.get(sorted.size() - 1).date());
    assertThat(p.frauds()).isEqualTo(sorted.stream().filter(Declaration::isFraud).count());
  }

  private static float[] toArray(List<Float> values) {
    float[] a = new float[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }
}
