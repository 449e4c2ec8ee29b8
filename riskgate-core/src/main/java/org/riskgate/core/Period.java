package org.riskgate.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The declaration dates a command reads: both ends inclusive, either end open.
 *
 * @param from the first day, or empty for no lower bound
 * @param to the last day, or empty for no upper bound
 */
public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {
  /** Every date. */
  public static final Period ALL = new Period(Optional.empty(), Optional.empty());

  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      throw new IllegalArgumentException("the period ends (" + to.get() + ") before it starts (" + from.get() + ")");
    }
  }

  /** A period from optional command-line values, either of which may be missing (null). */
  public static Period of(LocalDate fromOrNull, LocalDate toOrNull) {
    return new Period(Optional.ofNullable(fromOrNull), Optional.ofNullable(toOrNull));
  }

  /** Every date up to {@code last}, inclusive. */
  public static Period until(LocalDate last) {
    return new Period(Optional.empty(), Optional.of(last));
  }

  /** Whether a declaration dated {@code d} belongs to the period. */
  public boolean contains(LocalDate d) {
    return from.map(f -> !d.isBefore(f)).orElse(true) && to.map(t -> !d.isAfter(t)).orElse(true);
  }

  /** Whether the period has no bound at all. */
  public boolean isAll() {
    return from.isEmpty() && to.isEmpty();
  }

  /** "2020-01-01 .. 2020-12-31", with "..." for an open end. */
  @Override
  public String toString() {
    return from.map(LocalDate::toString).orElse("...") + " .. " + to.map(LocalDate::toString).orElse("...");
  }
}
