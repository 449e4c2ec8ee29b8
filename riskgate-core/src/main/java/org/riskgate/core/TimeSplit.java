package org.riskgate.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A time-ordered split: everything dated before {@code cutoff} is the past that a model learns
 * from, everything on or after it the future it is judged on. Never a random split: customs data
 * drifts, and a random split flatters a model with knowledge of its own future.
 */
public record TimeSplit(List<Declaration> past, List<Declaration> future, LocalDate cutoff) {

  public TimeSplit {
    past = List.copyOf(past);
    future = List.copyOf(future);
  }

  /** Splits at a date. */
  public static TimeSplit at(List<Declaration> rows, LocalDate cutoff) {
    List<Declaration> past = new ArrayList<>();
    List<Declaration> future = new ArrayList<>();
    for (Declaration d : rows) {
      (d.date().isBefore(cutoff) ? past : future).add(d);
    }
    return new TimeSplit(past, future, cutoff);
  }

  /**
   * Splits so that roughly the latest {@code futureShare} of rows fall in the future, cutting
   * between days so that no day is in both parts.
   */
  public static TimeSplit latestShare(List<Declaration> rows, double futureShare) {
    if (!(futureShare > 0 && futureShare < 1)) {
      throw new IllegalArgumentException("future share must be in (0, 1): " + futureShare);
    }
    List<LocalDate> dates = rows.stream().map(Declaration::date)
        .sorted(Comparator.naturalOrder()).toList();
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no declarations to split");
    }
    LocalDate cutoff = dates.get((int) Math.min(dates.size() - 1, dates.size() * (1 - futureShare)));
    if (cutoff.equals(dates.get(0))) {
      cutoff = cutoff.plusDays(1);
    }
    return at(rows, cutoff);
  }
}
