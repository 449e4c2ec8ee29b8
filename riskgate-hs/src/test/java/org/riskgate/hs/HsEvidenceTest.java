package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;

/** The HS checks as decision evidence: an unknown code and goods unlike their code are told. */
class HsEvidenceTest {
  static HsEvidence hs;

  @BeforeAll
  static void toolkit() {
    hs = new HsEvidence(HsToolkit.builtIn());
  }

  static Declaration decl(String hsCode, String description) {
    return new Declaration("1", LocalDate.of(2021, 1, 4), "30", "B", "21", "21", "11", "10", "DEC1", "IMP1", "SEL1",
        "", hsCode, "CN", "CN", 8.0, "A", "G", 10, 100, Optional.empty(), OptionalDouble.empty(), description);
  }

  @Test
  void aCodeOutsideHs2022IsToldEvenWithoutADescription() {
    Evidence e = hs.about(decl("999999", ""));
    assertThat(e.figures()).containsEntry("hs.not_in_nomenclature", 1.0).doesNotContainKey("hs.mismatch");
    assertThat(e.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(EvidenceKind.HS);
      assertThat(f.text()).isEqualTo("declared 999999 is not an HS 2022 code");
    });
    assertThat(hs.about(decl("080810", "")).figures()).containsEntry("hs.not_in_nomenclature", 0.0);
    assertThat(hs.about(decl("080810", "")).findings()).isEmpty();
  }

  @Test
  void laptopsDeclaredAsSwimwearAreAnHsReason() {
    Evidence e = hs.about(decl("611241", "laptop computer notebook 15 inch"));
    assertThat(e.figures().get("hs.mismatch_score")).isGreaterThanOrEqualTo(HsEvidence.MISMATCH_REASON);
    // the implausible code first, then the review object it hides: each its own reason
    assertThat(e.findings()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(EvidenceKind.HS));
    assertThat(e.findings()).extracting(f -> f.code()).containsExactly("hs.implausible", "hs.review_object");
    assertThat(e.findings().get(0).text()).startsWith("declared 611241 (").contains("is implausible");
    assertThat(e.findings().get(0).render(java.util.Locale.KOREAN)).startsWith("신고된 611241 (")
        .contains("품명과 맞지 않습니다").doesNotContain("implausible");
    assertThat(e.findings().get(1).render(java.util.Locale.KOREAN)).startsWith("요건 확인 대상이 일반 수입으로 신고됨");
  }
}
