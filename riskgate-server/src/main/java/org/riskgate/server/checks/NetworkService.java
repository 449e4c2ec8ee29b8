package org.riskgate.server.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkEvidence;
import org.riskgate.profiles.network.TraderNetwork;
import org.riskgate.server.Background;

/**
 * The trader network as evidence on the server. Building it takes about a second for a month of
 * declarations, far too long for a request, so it is never built on the request path: one
 * background thread rebuilds it from everything known (the history file and the store with its
 * recorded results) at start, after {@link Schedule#afterChanges} new declarations or results, and
 * at least every {@link Schedule#every}, but never more often than its {@link Schedule#share} of
 * one core allows; the finished snapshot replaces the previous one in one atomic swap. A decision reads whichever snapshot is in force, and its context names that
 * snapshot's day; before the first build has finished, decisions get no network evidence (rules
 * testing {@code net.*} are skipped with "attribute was not provided", as for any missing figure).
 *
 * <p>A snapshot stands as of the day after the latest declaration known when it was built, so it
 * holds everything known then, results included.
 */
public final class NetworkService implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NetworkService.class);

  /**
   * When the network is rebuilt.
   *
   * @param afterChanges new declarations and recorded results after which a rebuild is started
   * @param every the longest time between rebuilds (so results recorded on a quiet day still reach it)
   * @param share the most of one core that rebuilds may take (0 < share <= 1): after a build that
   *     took {@code t}, the next starts no sooner than {@code t (1 - share) / share} after it ended.
   *     Under steady traffic the change count alone would rebuild back to back (1,000 changes come
   *     every 2 s at 500 requests/s, and a build of a demo server's history takes 1–3 s), and each
   *     build takes a core from the requests: at 500/s that was a fifth of the server's CPU and its
   *     p99. The network stands for months of history; a minute's new declarations move it little.
   */
  public record Schedule(int afterChanges, Duration every, double share) {
    /** After 1,000 changes or every hour, rebuilds taking at most 2 % of one core. */
    public static final Schedule DEFAULT = new Schedule(1_000, Duration.ofHours(1), 0.02);

    public Schedule {
      Objects.requireNonNull(every, "every");
      if (afterChanges < 1 || every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("a network rebuild needs at least one change and a positive period");
      }
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("a network rebuild's share of a core must be in (0, 1]: " + share);
      }
    }

    /** The earliest start of the next build after one that ended at {@code end} and took {@code took}. */
    public Instant nextStart(Instant end, Duration took) {
      return end.plusNanos((long) (took.toNanos() * ((1 - share) / share)));
    }
  }

  /**
   * A network in force.
   *
   * @param network the network, standing as of its {@link TraderNetwork#asOf() day}
   * @param declarations how many declarations it was built from
   * @param builtAt when its build finished
   * @param buildTime how long the build took
   */
  public record Snapshot(TraderNetwork network, int declarations, Instant builtAt, Duration buildTime) {
    public Snapshot {
      Objects.requireNonNull(network, "network");
    }
  }

  private final Supplier<List<Declaration>> history;
  private final NetworkConfig config;
  private final Schedule schedule;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private final AtomicReference<Optional<Snapshot>> current = new AtomicReference<>(Optional.empty());
  private final AtomicLong changes = new AtomicLong();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicLong builds = new AtomicLong();
  /** Set by the worker at the end of each build; a queued build waits until then. */
  private volatile Instant earliestNext = Instant.EPOCH;

  /**
   * Starts the first build at once, in the background.
   *
   * @param history everything known, read afresh at each build (off the request path)
   */
  public NetworkService(Supplier<List<Declaration>> history, NetworkConfig config, Schedule schedule, Clock clock) {
    this.history = Objects.requireNonNull(history, "history");
    this.config = Objects.requireNonNull(config, "config");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
    // below the request threads: a rebuild takes what they leave
    this.worker = Executors.newSingleThreadScheduledExecutor(Background.threads("riskgate-network"));
    long period = schedule.every().toMillis();
    worker.scheduleWithFixedDelay(this::periodic, period, period, TimeUnit.MILLISECONDS);
    rebuild();
  }

  /**
   * The network's figures and findings for a declaration, from the snapshot in force; never
   * waits for a build.
   */
  public EvidenceSource evidence() {
    return d -> current.get().map(s -> new NetworkEvidence(s.network()).about(d)).orElse(Evidence.NONE);
  }

  /** The snapshot in force, if a build has finished. */
  public Optional<Snapshot> snapshot() {
    return current.get();
  }

  /** How many builds have finished. */
  public long builds() {
    return builds.get();
  }

  /** Declarations stored or results recorded: a rebuild is queued once enough have come. */
  public void changed(int count) {
    if (changes.addAndGet(count) >= schedule.afterChanges()) {
      rebuild();
    }
  }

  /**
   * Queues a rebuild, unless one is already queued; returns at once. It starts when the
   * schedule's share allows; changes until then are in it.
   */
  public void rebuild() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(this::build);
    }
  }

  private void periodic() {
    if (changes.get() > 0 || current.get().isEmpty()) {
      rebuild();
    }
  }

  private void build() {
    // read on the worker, after the build before has set it: a rebuild queued while that one ran waits too
    long wait = Duration.between(clock.instant(), earliestNext).toMillis();
    if (wait > 0) {
      worker.schedule(this::build, wait, TimeUnit.MILLISECONDS);
      return;
    }
    // changes from here on are not in this build: they count towards the next
    queued.set(false);
    changes.set(0);
    try {
      Instant start = clock.instant();
      List<Declaration> all = history.get();
      Optional<LocalDate> latest = all.stream().map(Declaration::date).max(LocalDate::compareTo);
      if (latest.isEmpty()) {
        return;
      }
      TraderNetwork network = TraderNetwork.build(all, latest.get().plusDays(1), config);
      Instant end = clock.instant();
      Snapshot s = new Snapshot(network, all.size(), end, Duration.between(start, end));
      earliestNext = schedule.nextStart(end, s.buildTime());
      current.set(Optional.of(s));
      builds.incrementAndGet();
      LOG.info("trader network as of {} built from {} declarations in {} ms", network.asOf(), all.size(),
          s.buildTime().toMillis());
    } catch (RuntimeException e) {
      // the snapshot in force stays; the next change or period tries again
      LOG.error("trader network rebuild failed; keeping the snapshot in force", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
