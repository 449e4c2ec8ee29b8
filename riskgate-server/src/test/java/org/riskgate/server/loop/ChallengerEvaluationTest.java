package org.riskgate.server.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

class ChallengerEvaluationTest {
  static final LocalDate DAY = LocalDate.of(2021, 4, 1);

  private static ChallengerEvaluation.Row row(int i, Lane lane, boolean random, double champion, double challenger,
      Optional<Boolean> fraud) {
    return new ChallengerEvaluation.Row("D" + i, DAY, "30", lane, random, champion, challenger, fraud, 0);
  }

  /**
   * One day of ten: D0 and D1 red by the champion's score (propensity 1), D2 a random pick out of
   * the eight left (propensity 1/8). The challenger's top 20 % is D2 and D3. By hand: D2 is fraud
   * and stands for 8 declarations, D3 was not inspected, so the challenger's two picks hold an
   * estimated 8 frauds, 4 per pick; the champion's are D0 (fraud) and D1 (clean): 0.5 per pick.
   * Self-normalised, the challenger's inspected pick weighs 8 and is a fraud: 1; the champion's
   * two weigh 1 each: 0.5. The challenger is not worse.
   */
  @Test
  void randomPicksCarryTheWeightOfWhatTheChampionPassedOver() {
    List<ChallengerEvaluation.Row> rows = new ArrayList<>();
    rows.add(row(0, Lane.RED, false, 0.9, 0.1, Optional.of(true)));
    rows.add(row(1, Lane.RED, false, 0.8, 0.2, Optional.of(false)));
    rows.add(row(2, Lane.RED, true, 0.1, 0.95, Optional.of(true)));
    rows.add(row(3, Lane.YELLOW, false, 0.7, 0.9, Optional.empty()));
    for (int i = 4; i < 10; i++) {
      rows.add(row(i, Lane.GREEN, false, 0.05, 0.05, Optional.empty()));
    }
    assertThat(ChallengerEvaluation.propensities(rows)[2]).isCloseTo(1 / 8.0, within(1e-12));
    assertThat(ChallengerEvaluation.propensities(rows)[0]).isEqualTo(1);
    ChallengerEvaluation e = ChallengerEvaluation.of("champ", "chall", rows, 20);
    assertThat(e.champion().precision().value()).isCloseTo(0.5, within(1e-12));
    assertThat(e.challenger().precision().value()).isCloseTo(4, within(1e-12));
    assertThat(e.champion().precision().selfNormalised()).isCloseTo(0.5, within(1e-12));
    assertThat(e.challenger().precision().selfNormalised()).isCloseTo(1, within(1e-12));
    assertThat(e.worse()).isFalse();
    assertThat(e.randomPicksInspected()).isEqualTo(1);
  }
}
