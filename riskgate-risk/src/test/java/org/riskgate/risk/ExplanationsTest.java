package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.risk.features.FeaturePipeline;

class ExplanationsTest {

  @Test
  void strongestRaisingFeaturesFirstAndNeverOnesThatLowerTheRisk() {
    List<Declaration> rows = PublicData.train().subList(0, 2_000);
    FeaturePipeline p = FeaturePipeline.fit(rows);
    p.walk(rows);
    Declaration d = PublicData.valid().get(0);
    float[] x = new float[p.width()];
    p.describe(d, x, 0);
    float[] c = new float[p.width() + 1];
    c[p.position("tax_rate")] = 0.2f;
    c[p.position("importer.fraud_rate")] = 0.9f;
    c[p.position("log_price")] = -3f;
    c[p.position("hs6.count")] = 0.2f;
    c[p.width()] = 5f; // the bias is no reason

    List<Contribution> top = Explanations.top(p, d, c, x, 0, 3);
    assertThat(top).extracting(Contribution::feature)
        .containsExactly("importer.fraud_rate", "tax_rate", "hs6.count");
    assertThat(top.get(0).text()).startsWith("importer " + d.importerId());
    assertThat(Explanations.top(p, d, c, x, 0, 1)).extracting(Contribution::feature)
        .containsExactly("importer.fraud_rate");

    float[] onlyLowering = new float[p.width() + 1];
    onlyLowering[p.position("log_price")] = -1f;
    assertThat(Explanations.top(p, d, onlyLowering, x, 0, 3)).isEmpty();
  }
}
