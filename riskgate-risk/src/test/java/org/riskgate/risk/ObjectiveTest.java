package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;

class ObjectiveTest {
  /** Item price 2,000,000 at a tax rate of 8 %; the revenue column says something else. */
  private static final Declaration D = new Declaration("1", LocalDate.parse("2021-01-04"), "30", "B", "11", "21",
      "11", "10", "D1", "I1", "", "", "440890", "CN", "CN", 8, "A", "Y", 100, 2_000_000,
      Optional.of(new InspectionOutcome(true, 1)), OptionalDouble.of(999), "");

  @Test
  void fraudsRankByRiskAndRevenueByExpectedTaxFromTheDeclarationItself() {
    assertThat(Objective.FRAUDS.priority(0.25, D)).isEqualTo(0.25);
    // 0.25 × 2,000,000 × 8 / 100; the revenue column (known only after inspection) is not used
    assertThat(Objective.REVENUE.priority(0.25, D)).isEqualTo(40_000.0);
    assertThat(Objective.declaredTax(D)).isEqualTo(160_000.0);
  }

  @Test
  void onlyTheRevenueObjectiveAddsAReason() {
    assertThat(Objective.FRAUDS.words(0.25, D)).isEmpty();
    assertThat(Objective.REVENUE.words(0.25, D).map(org.riskgate.core.evidence.Phrase::english))
        .contains("expected tax recovered 40,000 (risk 25 % of declared tax 160,000)");
    assertThat(Objective.REVENUE.words(0.25, D).orElseThrow().render(java.util.Locale.KOREAN))
        .isEqualTo("예상 추징 세액 40,000 (신고 세액 160,000의 위험 25 %)");
  }
}
