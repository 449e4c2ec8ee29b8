package org.riskgate.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per account and per client address: after a few failures each
 * further attempt must wait twice as long as the one before (up to {@link #MAX_WAIT}), and an
 * attempt that comes too early is refused without the password being checked at all, so a
 * right password guessed during the wait is worthless. An address may fail more often than an
 * account before it waits, since one office shares an address.
 *
 * <p>The cost of this is that someone who knows a user name can keep that account waiting
 * (never locked out for longer than {@link #MAX_WAIT} after their last attempt).
 */
final class LoginThrottle {
  static final int FREE_ACCOUNT_FAILURES = 5;
  static final int FREE_ADDRESS_FAILURES = 20;
  static final Duration MAX_WAIT = Duration.ofMinutes(15);
  // failures are forgotten this long after the last one
  private static final Duration FORGET = Duration.ofMinutes(30);
  // bounds the memory a flood of made-up names or addresses can take
  private static final int MAX_ENTRIES = 100_000;

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long an attempt for this account from this address must still wait; empty when it may go on. */
  Optional<Duration> wait(String account, String address) {
    Instant now = clock.instant();
    Duration a = wait(accounts.get(key(account)), FREE_ACCOUNT_FAILURES, now);
    Duration b = wait(addresses.get(address), FREE_ADDRESS_FAILURES, now);
    Duration w = a.compareTo(b) >= 0 ? a : b;
    return w.isZero() ? Optional.empty() : Optional.of(w);
  }

  private static Duration wait(Failures f, int free, Instant now) {
    if (f == null || f.count() < free) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(20, f.count() - free);
    Duration backoff = Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
    Duration left = Duration.between(now, f.last().plus(backoff));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String account, String address) {
    Instant now = clock.instant();
    if (accounts.size() + addresses.size() > MAX_ENTRIES) {
      forgetOld(now);
    }
    accounts.merge(key(account), new Failures(1, now), (o, n) -> new Failures(fresh(o, now) + 1, now));
    addresses.merge(address, new Failures(1, now), (o, n) -> new Failures(fresh(o, now) + 1, now));
  }

  /** A right password clears the account's failures; the address keeps its own. */
  void succeeded(String account) {
    accounts.remove(key(account));
  }

  private static int fresh(Failures f, Instant now) {
    return f.last().plus(FORGET).isBefore(now) ? 0 : f.count();
  }

  private void forgetOld(Instant now) {
    accounts.values().removeIf(f -> f.last().plus(FORGET).isBefore(now));
    addresses.values().removeIf(f -> f.last().plus(FORGET).isBefore(now));
    if (accounts.size() + addresses.size() > MAX_ENTRIES) {
      // a flood within the window: the least useful entries are the ones that are not yet waiting
      accounts.values().removeIf(f -> f.count() < FREE_ACCOUNT_FAILURES);
      addresses.values().removeIf(f -> f.count() < FREE_ADDRESS_FAILURES);
    }
  }

  private static String key(String account) {
    return account.toLowerCase(java.util.Locale.ROOT);
  }
}
