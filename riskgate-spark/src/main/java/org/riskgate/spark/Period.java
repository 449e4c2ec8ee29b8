package org.riskgate.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/** The days a command reads: {@code --from} and {@code --to}, both included, each optional. */
public record Period(Optional<LocalDate> from, Optional<LocalDate> to) implements Serializable {
  public static final Period ALL = new Period(Optional.empty(), Optional.empty());

  public Period {
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw new IllegalArgumentException("--to " + to.get() + " is before --from " + from.get());
    }
  }

  /** From the command line's values, either of which may be null. */
  public static Period of(LocalDate from, LocalDate to) {
    return new Period(Optional.ofNullable(from), Optional.ofNullable(to));
  }

  public boolean contains(LocalDate d) {
    return from.map(f -> !d.isBefore(f)).orElse(true) && to.map(t -> !d.isAfter(t)).orElse(true);
  }

  /** The period in words, for summaries. */
  public String describe() {
    return from.isEmpty() && to.isEmpty() ? "all dates"
        : from.map(LocalDate::toString).orElse("start") + " .. " + to.map(LocalDate::toString).orElse("end");
  }
}
