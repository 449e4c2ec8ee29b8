package org.riskgate.profiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;

/**
 * Party profiles that follow a live store: an immutable {@link ProfileStore} over the history
 * known at start, plus what arrives afterwards, added one event at a time (a new declaration, an
 * inspection result recorded or corrected). Nothing is ever rebuilt: an event costs a few
 * appends, and the figures are the sum of the store's tally and the events'.
 *
 * <p>Readers never wait for writers: each party's events are an append-only array published
 * through a volatile reference, and the base rate's counts are atomic. Writers are serialised.
 * A reader racing a writer sees the event or not, never half of one party's event.
 *
 * <p>Figures agree with {@link ProfileStore#build} over the same history with the same outcomes
 * (to floating-point rounding); {@code LiveProfilesTest} pins that.
 */
public final class LiveProfiles {
  /** Day weights are taken relative to this day (2000-01-01) so they stay in double range. */
  private static final int WEIGHT_DAY0 = (int) LocalDate.of(2000, 1, 1).toEpochDay();
  /** Days 0 (1970-01-01) to 2^17 − 1 (year 2328) count for the base rate; others are clamped. */
  private static final int DAYS = 1 << 17;

  private final ProfileStore base;
  private final ProfileConfig config;
  private final double lambda;
  private final EnumMap<PartyRole, ConcurrentHashMap<String, Events>> parties = new EnumMap<>(PartyRole.class);
  /** Declarations added since the start, and base ones relabelled, as they now stand. */
  private final ConcurrentHashMap<String, Declaration> current = new ConcurrentHashMap<>();
  private final Fenwick labelled = new Fenwick(DAYS);
  private final Fenwick frauds = new Fenwick(DAYS);

  /** Profiles starting from a history (any order). */
  public LiveProfiles(List<Declaration> history, ProfileConfig config) {
    this.base = ProfileStore.build(history, config);
    this.config = config;
    this.lambda = base.lambda();
    for (PartyRole r : PartyRole.values()) {
      parties.put(r, new ConcurrentHashMap<>());
    }
  }

  /** One event of a party: a declaration (n = 1) or a change of its outcome (n = 0). */
  private record Event(int day, int n, int labelled, int frauds, double value, double weightedLabelled,
      double weightedFrauds, String id) {}

  /** A party's events, append-only: readers take {@code (array, size)} as one snapshot. */
  private static final class Events {
    private record Snapshot(Event[] events, int size) {}

    private volatile Snapshot snapshot = new Snapshot(new Event[4], 0);

    void append(Event e) {
      Snapshot s = snapshot;
      Event[] a = s.events().length > s.size() ? s.events() : java.util.Arrays.copyOf(s.events(), s.size() * 2);
      a[s.size()] = e;
      snapshot = new Snapshot(a, s.size() + 1);
    }
  }

  /** A new declaration (with its outcome, when it has one). */
  public synchronized void add(Declaration d) {
    current.put(d.id(), d);
    boolean l = d.outcome().isPresent();
    boolean f = d.isFraud();
    append(d, 1, l ? 1 : 0, f ? 1 : 0);
  }

  /**
   * An inspection result recorded for a declaration, or corrected.
   *
   * @param d the declaration as it stood (its outcome is ignored: {@code before} says it)
   * @param before the outcome recorded until now, if any
   */
  public synchronized void relabel(Declaration d, Optional<InspectionOutcome> before, InspectionOutcome after) {
    int dl = 1 - (before.isPresent() ? 1 : 0);
    int df = (after.fraud() ? 1 : 0) - (before.map(InspectionOutcome::fraud).orElse(false) ? 1 : 0);
    current.put(d.id(), d.withOutcome(after));
    if (dl != 0 || df != 0) {
      append(d, 0, dl, df);
    }
  }

  private void append(Declaration d, int n, int dl, int df) {
    int day = (int) d.date().toEpochDay();
    double w = Math.exp(lambda * (day - WEIGHT_DAY0));
    for (PartyRole r : PartyRole.values()) {
      String id = r.partyOf(d);
      if (!id.isEmpty()) {
        parties.get(r).computeIfAbsent(id, k -> new Events())
            .append(new Event(day, n, dl, df, n * d.itemPrice(), dl * w, df * w, d.id()));
      }
    }
    int k = Math.clamp(day, 0, DAYS - 1);
    labelled.add(k, dl);
    frauds.add(k, df);
  }

  /** The fraud rate of all inspections before a date; 0 when there were none. */
  public double baseRate(LocalDate asOf) {
    int t = (int) asOf.toEpochDay();
    long[] b = base.inspectedBefore(t);
    int k = Math.clamp(t, 0, DAYS);
    long l = b[0] + labelled.before(k);
    return l == 0 ? 0 : (b[1] + frauds.before(k)) / (double) l;
  }

  /** As {@link ProfileStore#features(Declaration)}: the parties' attributes as of the declaration's date. */
  public Map<String, Double> features(Declaration d) {
    LocalDate asOf = d.date();
    int t = (int) asOf.toEpochDay();
    double rate = baseRate(asOf);
    Map<String, Double> out = new LinkedHashMap<>();
    for (PartyRole r : PartyRole.values()) {
      String id = r.partyOf(d);
      base.figures(out, r, base.tally(r, id, t).plus(tally(r, id, t)), rate, t);
    }
    return out;
  }

  private ProfileStore.Tally tally(PartyRole role, String id, int t) {
    Events events = id.isEmpty() ? null : parties.get(role).get(id);
    if (events == null) {
      return ProfileStore.Tally.NONE;
    }
    Events.Snapshot s = events.snapshot;
    long n = 0;
    long l = 0;
    long f = 0;
    long recent = 0;
    double value = 0;
    double wl = 0;
    double wf = 0;
    int first = Integer.MAX_VALUE;
    int recentFrom = t - config.recentDays();
    for (int i = 0; i < s.size(); i++) {
      Event e = s.events()[i];
      if (e.day() >= t) {
        continue;
      }
      n += e.n();
      l += e.labelled();
      f += e.frauds();
      value += e.value();
      wl += e.weightedLabelled();
      wf += e.weightedFrauds();
      if (e.n() > 0) {
        first = Math.min(first, e.day());
        recent += e.day() >= recentFrom ? e.n() : 0;
      }
    }
    double scale = Math.exp(-lambda * (t - WEIGHT_DAY0));
    return new ProfileStore.Tally(n, l, f, value, wl * scale, wf * scale, first, recent);
  }

  /**
   * A party's full profile as of a date (for a party's page, not the scoring path: it reads all
   * of the party's rows).
   */
  public Optional<PartyProfile> profile(PartyRole role, String partyId, LocalDate asOf) {
    List<Declaration> rows = new ArrayList<>();
    for (Declaration d : base.rowsOf(role, partyId)) {
      rows.add(current.getOrDefault(d.id(), d));
    }
    Events events = partyId.isEmpty() ? null : parties.get(role).get(partyId);
    if (events != null) {
      Events.Snapshot s = events.snapshot;
      for (int i = 0; i < s.size(); i++) {
        if (s.events()[i].n() > 0) {
          rows.add(current.get(s.events()[i].id()));
        }
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return ProfileStore.build(rows, config).profile(role, partyId, asOf, baseRate(asOf));
  }

  /** Counts by day with prefix sums in O(log n); cells are atomic, so readers need no lock. */
  private static final class Fenwick {
    private final AtomicLongArray tree;

    Fenwick(int n) {
      tree = new AtomicLongArray(n + 1);
    }

    void add(int day, long delta) {
      for (int i = day + 1; i < tree.length(); i += i & -i) {
        tree.addAndGet(i, delta);
      }
    }

    /** The sum over days {@code [0, day)}. */
    long before(int day) {
      long s = 0;
      for (int i = day; i > 0; i -= i & -i) {
        s += tree.get(i);
      }
      return s;
    }
  }
}
