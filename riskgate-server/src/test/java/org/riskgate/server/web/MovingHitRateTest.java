package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.server.store.Dashboard.DayHits;

class MovingHitRateTest {
  private static final LocalDate D = LocalDate.of(2021, 3, 1);

  @Test
  void poolsFraudsOverInspectionsOfTheLastCalendarDays() {
    List<DayHits> hits = List.of(new DayHits(D, 2, 2), new DayHits(D.plusDays(1), 98, 0),
        new DayHits(D.plusDays(3), 10, 5), new DayHits(D.plusDays(9), 4, 1));
    List<Double> smooth = WebRoutes.movingHitRate(hits, 7);
    // day 1 alone; day 2 pools 2 of 100, not the mean of 100 % and 0 %
    assertThat(smooth.get(0)).isEqualTo(1.0);
    assertThat(smooth.get(1)).isCloseTo(0.02, within(1e-12));
    assertThat(smooth.get(2)).isCloseTo(7 / 110.0, within(1e-12));
    // day 10's window (days 4..10) holds day 4 and itself; days 1 and 2 have left it
    assertThat(smooth.get(3)).isCloseTo(6 / 14.0, within(1e-12));
    assertThat(WebRoutes.movingHitRate(List.of(), 7)).isEmpty();
  }
}
