package org.riskgate.server;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The declaration dates the server accepts: none before {@code earliest}, none more than {@code
 * daysAhead} days after today. Calibration and profiles order traffic in time, so a date far in
 * the future would stay "the latest" for ever; such rows are refused at every entry.
 *
 * @param earliest the first plausible declaration date
 * @param daysAhead how many days after today a date may lie (time zones, declarations lodged
 *     before arrival)
 */
public record DateWindow(LocalDate earliest, int daysAhead) {
  public DateWindow {
    Objects.requireNonNull(earliest, "earliest");
    if (daysAhead < 0 || daysAhead > 366) {
      throw new IllegalArgumentException("days ahead must be 0..366: " + daysAhead);
    }
  }

  /** Not before 1990-01-01, not after tomorrow. */
  public static DateWindow defaults() {
    return new DateWindow(LocalDate.of(1990, 1, 1), 1);
  }

  /** Why a date is refused as of {@code today}, if it is. */
  public Optional<String> problem(LocalDate date, LocalDate today) {
    LocalDate latest = today.plusDays(daysAhead);
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      return Optional.of("date " + date + " is outside the accepted window " + earliest + " to " + latest);
    }
    return Optional.empty();
  }
}
