package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;

class ThresholdsTest {

  @Test
  void everyMethodHasShippedThresholdsInRange() {
    for (Method m : Method.values()) {
      Thresholds t = Thresholds.shipped(m);
      for (Kind k : Kind.values()) {
        assertThat(t.of(k)).as(m + " " + k).isBetween(1.0, 99.0);
      }
    }
  }

  @Test
  void bestBorrowsEachKindsThresholdFromItsMethod() {
    Thresholds best = Thresholds.shipped(Method.BEST);
    for (Kind k : Kind.values()) {
      assertThat(best.of(k)).isEqualTo(Thresholds.shipped(Method.BEST.forKind(k)).of(k));
      assertThat(Method.BEST.forKind(k)).isNotEqualTo(Method.BEST);
    }
    assertThat(Method.CNN.forKind(Kind.SIGNATURE)).isEqualTo(Method.CNN);
  }
}
