package org.riskgate.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTest {

  private static RegionResult region(Kind k, Verdict v) {
    return new RegionResult(new Detection(k, new Box(10, 20, 100, 80), 0.9), v);
  }

  @Test
  void reportGivesWorstSimilarityFlagAndReason() {
    VerificationReport r = new VerificationReport("inv.png", "KR-1", "classical", List.of(
        region(Kind.STAMP, new Verdict.Suspicious(38.25)),
        region(Kind.SIGNATURE, new Verdict.Consistent(91.0)),
        region(Kind.SIGNATURE, new Verdict.NoReference())));
    assertThat(r.worstSimilarity().getAsDouble()).isCloseTo(38.25, within(1e-9));
    assertThat(r.suspicious()).isTrue();
    assertThat(r.reason()).isEqualTo("stamp 38.3 % suspicious, signature 91.0 % consistent, signature no_reference (issuer KR-1)");
    // the same words in Korean, from the module's bundle
    assertThat(r.words().render(java.util.Locale.KOREAN))
        .isEqualTo("인장 38.3 % 의심, 서명 91.0 % 일치, 서명 기준본 없음 (발급기관 KR-1)");
  }

  @Test
  void emptyReportSaysNothingFound() {
    VerificationReport r = new VerificationReport("x", "KR-1", "classical", List.of());
    assertThat(r.worstSimilarity()).isEmpty();
    assertThat(r.suspicious()).isFalse();
    assertThat(r.nothingFound()).isTrue();
    assertThat(r.reason()).contains("no stamp or signature");
  }

  @Test
  void valuesCheckTheirArguments() {
    assertThatThrownBy(() -> new Box(0, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Verdict.Consistent(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Detection(Kind.STAMP, new Box(0, 0, 1, 1), 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Kind.parse("seal")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reference("a", "b", Kind.STAMP, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boxIou() {
    Box a = new Box(0, 0, 10, 10);
    assertThat(a.iou(a)).isEqualTo(1.0);
    assertThat(a.iou(new Box(5, 0, 10, 10))).isCloseTo(50.0 / 150.0, within(1e-9));
    assertThat(a.iou(new Box(20, 20, 5, 5))).isZero();
  }

  @Test
  void referenceValidity() {
    Reference r = new Reference("id", "I", Kind.STAMP, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false);
    assertThat(r.activeOn(LocalDate.of(2025, 6, 1))).isTrue();
    assertThat(r.activeOn(LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(new Reference("id", "I", Kind.STAMP, LocalDate.of(2025, 1, 1), Reference.OPEN_END, true)
        .activeOn(LocalDate.of(2025, 6, 1))).isFalse();
  }
}
