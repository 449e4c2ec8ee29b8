package org.riskgate.neural.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.similar.DeclarationSpace;

/** k-means groups, on the first 3,000 declarations of 2020. */
class ClustersTest {
  static List<Declaration> rows;
  static Dataset train;
  static DeclarationSpace space;
  static float[] vectors;

  @BeforeAll
  static void read() throws Exception {
    Path rejects = java.nio.file.Files.createTempFile("clusters", ".csv");
    rows = DeclarationReader.readAll(Path.of("../data/customs/df_syn_train_eng.csv"), ColumnMapping.defaults(),
        new RejectFile(rejects)).subList(0, 3000);
    train = RiskTraining.prepare(rows, Optional.empty()).train();
    space = DeclarationSpace.fit(train.x(), train.rows(), train.featureNames());
    vectors = space.vectors(train.x(), 0, train.rows(), train.cols());
  }

  @Test
  void aSeedGivesTheSameClusters() {
    KMeansClusters a = KMeansClusters.fit(vectors, train.rows(), space.dimension(), 8, 50, 42);
    KMeansClusters b = KMeansClusters.fit(vectors, train.rows(), space.dimension(), 8, 50, 42);
    KMeansClusters other = KMeansClusters.fit(vectors, train.rows(), space.dimension(), 8, 50, 7);
    assertThat(b.assign(vectors, train.rows())).containsExactly(a.assign(vectors, train.rows()));
    for (int c = 0; c < 8; c++) {
      assertThat(b.centre(c)).containsExactly(a.centre(c));
    }
    List<float[]> centres = new ArrayList<>();
    List<float[]> others = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      centres.add(a.centre(c));
      others.add(other.centre(c));
    }
    assertThat(others).usingElementComparator(java.util.Arrays::compare).isNotEqualTo(centres);
    assertThat(space.names()).contains("log_tax_at_stake", "log_unit_value").doesNotContain("day_of_week",
        "importer_id", "hs6_number");
  }

  @Test
  void groupsCountEveryDeclarationAndFraudOnce() {
    KMeansClusters c = KMeansClusters.fit(vectors, train.rows(), space.dimension(), 6, 50, 42);
    int n = train.rows();
    long[] one = new long[n];
    long[] fraud = new long[n];
    for (int r = 0; r < n; r++) {
      one[r] = 1;
      fraud[r] = train.labels()[r] == 1f ? 1 : 0;
    }
    List<RiskGroups.Group> groups = RiskGroups.of(c, c.assign(vectors, n), one, fraud, space.names());
    assertThat(groups).hasSize(6);
    assertThat(groups.stream().mapToLong(RiskGroups.Group::declarations).sum()).isEqualTo(n);
    assertThat(groups.stream().mapToLong(RiskGroups.Group::frauds).sum())
        .isEqualTo(java.util.stream.LongStream.of(fraud).sum());
    for (int i = 1; i < groups.size(); i++) {
      assertThat(groups.get(i).fraudRate()).isLessThanOrEqualTo(groups.get(i - 1).fraudRate());
    }
    assertThat(groups.get(0).profile()).contains(" sd");
  }
}
