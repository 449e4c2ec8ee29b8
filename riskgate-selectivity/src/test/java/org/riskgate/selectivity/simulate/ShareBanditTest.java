package org.riskgate.selectivity.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareBanditTest {
  /** Plays {@code weeks} weeks as the simulator does (one arm a week, rewarded); how often each arm was played. */
  private static int[] play(ShareBandit b, double[] reward, int weeks) {
    int[] played = new int[reward.length];
    for (int w = 0; w < weeks; w++) {
      int a = b.choose();
      played[a]++;
      b.learn(a, reward[a]);
    }
    return played;
  }

  /**
   * Three shares, the middle one paying 0.7 a week and the others 0.3: over 40 weeks it is played
   * most. Then the largest share starts to pay and the middle one stops: the discounted beliefs
   * move over within the next 40 weeks. (Uniform play would give each a third.)
   */
  @Test
  void playsTheShareThatPaysAndMovesOnWhenItStopsPaying() {
    ShareBandit b = new ShareBandit(List.of(0.0, 0.1, 0.3), 5);
    int[] first = play(b, new double[] {0.3, 0.7, 0.3}, 40);
    assertThat(first[1]).isGreaterThan(first[0] + first[2]);
    int[] after = play(b, new double[] {0.3, 0.2, 0.8}, 40);
    assertThat(after[2]).isGreaterThan(after[0] + after[1]);
  }

  @Test
  void refusesRewardsOutsideTheUnitInterval() {
    ShareBandit b = new ShareBandit(List.of(0.0, 0.1), 1);
    assertThatThrownBy(() -> b.learn(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
