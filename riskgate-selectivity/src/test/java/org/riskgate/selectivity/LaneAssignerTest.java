package org.riskgate.selectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.LaneAssigner.Assignment;
import org.riskgate.selectivity.LaneAssigner.Candidate;

class LaneAssignerTest {
  private static final java.time.LocalDate DAY = java.time.LocalDate.of(2021, 1, 4);

  private static List<Candidate> day(int n, String office) {
    List<Candidate> c = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      c.add(new Candidate(office, i / (double) n, Optional.empty()));
    }
    return c;
  }

  private static long count(List<Assignment> a, Lane lane) {
    return a.stream().filter(x -> x.lane() == lane).count();
  }

  @Test
  void highestScoresFillRedThenYellowWithinCapacity() {
    List<Candidate> day = day(200, "10");
    List<Assignment> a = new LaneAssigner(new Capacity(3, 7, 0, false), 1).assign(DAY, day);
    assertThat(count(a, Lane.RED)).isEqualTo(6);
    assertThat(count(a, Lane.YELLOW)).isEqualTo(14);
    assertThat(count(a, Lane.GREEN)).isEqualTo(180);
    // scores rise with the index: the last six are red, the fourteen before them yellow
    for (int i = 194; i < 200; i++) {
      assertThat(a.get(i).lane()).isEqualTo(Lane.RED);
    }
    for (int i = 180; i < 194; i++) {
      assertThat(a.get(i).lane()).isEqualTo(Lane.YELLOW);
    }
  }

  @Test
  void randomPicksTakePartOfRedAndAreMarked() {
    List<Candidate> day = day(1000, "10");
    List<Assignment> a = new LaneAssigner(new Capacity(3, 7, 1, false), 7).assign(DAY, day);
    assertThat(count(a, Lane.RED)).isEqualTo(30);
    List<Integer> random = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).randomPick()) {
        random.add(i);
        assertThat(a.get(i).lane()).isEqualTo(Lane.RED);
      }
    }
    assertThat(random).hasSize(10).allMatch(i -> i < 980);
    // the 20 model picks are the top 20 scores
    for (int i = 980; i < 1000; i++) {
      assertThat(a.get(i).lane()).isEqualTo(Lane.RED);
      assertThat(a.get(i).randomPick()).isFalse();
      assertThat(a.get(i).rank()).isEqualTo(1000 - i);
      assertThat(a.get(i).redSlots()).isEqualTo(20);
    }
  }

  @Test
  void sameSeedSameRandomPicks() {
    Capacity cap = new Capacity(5, 5, 5, false);
    assertThat(new LaneAssigner(cap, 3).assign(DAY, day(500, "1")))
        .isEqualTo(new LaneAssigner(cap, 3).assign(DAY, day(500, "1")));
  }

  @Test
  void perOfficeCapacityAppliesToEachOffice() {
    List<Candidate> day = new ArrayList<>(day(100, "A"));
    // office B's scores are all higher than A's; a global capacity would take only B
    day.addAll(day(100, "B").stream().map(c -> new Candidate("B", c.score() + 10, Optional.empty())).toList());
    List<Assignment> a = new LaneAssigner(new Capacity(5, 0, 0, true), 1).assign(DAY, day);
    assertThat(count(a.subList(0, 100), Lane.RED)).isEqualTo(5);
    assertThat(count(a.subList(100, 200), Lane.RED)).isEqualTo(5);
    List<Assignment> global = new LaneAssigner(new Capacity(5, 0, 0, false), 1).assign(DAY, day);
    assertThat(count(global.subList(0, 100), Lane.RED)).isZero();
  }

  @Test
  void forcedLanesHoldAndUseCapacity() {
    List<Candidate> day = new ArrayList<>(day(100, "A"));
    day.set(0, new Candidate("A", 0.0, Optional.of(Lane.RED)));
    day.set(99, new Candidate("A", 0.99, Optional.of(Lane.GREEN)));
    List<Assignment> a = new LaneAssigner(new Capacity(3, 0, 0, false), 1).assign(DAY, day);
    assertThat(a.get(0).lane()).isEqualTo(Lane.RED);
    assertThat(a.get(99).lane()).isEqualTo(Lane.GREEN);
    assertThat(count(a, Lane.RED)).isEqualTo(3);
    assertThat(a.get(98).lane()).isEqualTo(Lane.RED);
    assertThat(a.get(97).lane()).isEqualTo(Lane.RED);
  }

  @Test
  void capacityParsesAndRefusesNonsense() {
    assertThat(Capacity.parse("red=2,yellow=8", 1, false)).isEqualTo(new Capacity(2, 8, 1, false));
    assertThatThrownBy(() -> Capacity.parse("blue=3", 0, false)).hasMessageContaining("unknown lane 'blue'");
    assertThatThrownBy(() -> Capacity.parse("red=x", 0, false)).hasMessageContaining("'x' is not a number");
    assertThatThrownBy(() -> Capacity.parse("red=1", 2, false)).hasMessageContaining("must fit inside");
  }

  @Test
  void aDaysRandomPicksDependOnItsDateAloneNotOnTheDaysBefore() {
    Capacity cap = new Capacity(3, 7, 2, false);
    LaneAssigner busy = new LaneAssigner(cap, 3);
    busy.assign(DAY.minusDays(1), day(700, "1"));
    assertThat(busy.assign(DAY, day(500, "1"))).isEqualTo(new LaneAssigner(cap, 3).assign(DAY, day(500, "1")));
    assertThat(new LaneAssigner(cap, 3).assign(DAY.plusDays(1), day(500, "1")))
        .isNotEqualTo(new LaneAssigner(cap, 3).assign(DAY, day(500, "1")));
  }
}
