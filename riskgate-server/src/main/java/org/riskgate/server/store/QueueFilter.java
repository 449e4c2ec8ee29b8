package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.selectivity.Lane;

/**
 * Which decisions the queue shows, highest score first.
 *
 * @param page 1-based page number
 * @param size rows per page, 1 to 500
 */
public record QueueFilter(
    Optional<Lane> lane, Optional<String> office, Optional<LocalDate> from, Optional<LocalDate> to,
    OptionalDouble minScore, int page, int size) {
  public QueueFilter {
    if (page < 1 || size < 1 || size > 500) {
      throw new IllegalArgumentException("page must be >= 1 and size in 1..500");
    }
  }

  /** The first page of everything. */
  public static QueueFilter all() {
    return new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalDouble.empty(), 1, 50);
  }
}
