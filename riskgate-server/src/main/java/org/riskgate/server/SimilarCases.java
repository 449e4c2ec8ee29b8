package org.riskgate.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.core.Declaration;
import org.riskgate.risk.similar.Neighbours;
import org.riskgate.server.store.DeclarationStore;

/**
 * The similar past declarations of the declaration page. Placing the inspected declarations of
 * earlier days in their space costs about 200 ms for {@link #AMONG} of them, and every declaration
 * of one day shares it: so the space of each of the last few days looked at is kept, until a
 * result is recorded or {@link #FRESH} has passed (a result stored by another path, such as a
 * second server on the same database, shows within that time).
 */
public final class SimilarCases {
  /** How many of the latest inspected declarations before a declaration's date are searched. */
  public static final int AMONG = 20_000;

  /** How long a day's space is kept. */
  static final Duration FRESH = Duration.ofMinutes(10);

  // a queue's cases are mostly of its latest days; each kept day holds AMONG declarations
  private static final int DAYS_KEPT = 4;

  private record Kept(Neighbours neighbours, Instant built) {}

  private final DeclarationStore store;
  private final Clock clock;
  // results recorded so far: a space built across one is not kept
  private volatile long changes;
  private final Map<LocalDate, Kept> kept = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<LocalDate, Kept> eldest) {
      return size() > DAYS_KEPT;
    }
  };

  SimilarCases(DeclarationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The {@code k} inspected declarations of earlier days most like {@code d}, nearest first. */
  public List<Neighbours.Neighbour> of(Declaration d, int k) {
    Neighbours n = kept(d.date());
    if (n == null) {
      long before = changes;
      n = Neighbours.before(store.inspectedBefore(d.date(), AMONG), d.date());
      synchronized (this) {
        // a result recorded while this was built may be missing from it: answer with it, keep it not
        if (changes == before) {
          kept.put(d.date(), new Kept(n, clock.instant()));
        }
      }
    }
    return n.nearest(d, k);
  }

  private synchronized Neighbours kept(LocalDate day) {
    Kept k = kept.get(day);
    return k == null || k.built().plus(FRESH).isBefore(clock.instant()) ? null : k.neighbours();
  }

  /** A result was recorded: every kept day may now have another neighbour or outcome. */
  synchronized void changed() {
    changes++;
    kept.clear();
  }
}
