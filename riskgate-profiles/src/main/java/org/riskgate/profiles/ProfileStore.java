package org.riskgate.profiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.core.Declaration;

/**
 * Profiles of every party in a history, answerable as of any date.
 *
 * <p>Point-in-time by construction: a query as of day {@code t} reads only declarations dated
 * before {@code t} (strictly: a declaration's own day is not yet known when it is scored, nor is
 * the outcome of inspections made that day). The store is immutable and thread-safe once built.
 *
 * <p>Attributes for rules and the risk model ({@link #features}) are named {@code
 * <role>.<figure>}, e.g. {@code importer.hit_rate}; see {@link #FIGURES}.
 */
public final class ProfileStore {
  /** The figures {@link #features} gives per role, in order. */
  public static final List<String> FIGURES = List.of(
      "declarations", "inspected", "hit_rate", "raw_hit_rate", "risk", "days_known",
      "recent_declarations", "log_value");

  private final List<Declaration> declarations;
  private final ProfileConfig config;
  private final double lambda;
  private final int day0;
  private final int[] globalDays;
  private final int[] globalLabelled;
  private final int[] globalFrauds;
  private final EnumMap<PartyRole, PartyIndex> roles = new EnumMap<>(PartyRole.class);

  private ProfileStore(List<Declaration> ds, ProfileConfig config) {
    this.declarations = List.copyOf(ds);
    this.config = config;
    this.lambda = Math.log(2) / config.halfLifeDays();
    int n = ds.size();
    int[] epoch = new int[n];
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      epoch[i] = (int) ds.get(i).date().toEpochDay();
      min = Math.min(min, epoch[i]);
    }
    this.day0 = n == 0 ? 0 : min;
    // Global running counts by date, for the base rate as of a date.
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, Comparator.comparingInt(i -> epoch[i]));
    globalDays = new int[n];
    globalLabelled = new int[n + 1];
    globalFrauds = new int[n + 1];
    for (int k = 0; k < n; k++) {
      Declaration d = ds.get(idx[k]);
      globalDays[k] = epoch[idx[k]];
      globalLabelled[k + 1] = globalLabelled[k] + (d.outcome().isPresent() ? 1 : 0);
      globalFrauds[k + 1] = globalFrauds[k] + (d.isFraud() ? 1 : 0);
    }
    for (PartyRole r : PartyRole.values()) {
      roles.put(r, new PartyIndex(r, declarations, epoch, day0, lambda));
    }
  }

  /** Indexes a history (any order). */
  public static ProfileStore build(List<Declaration> history, ProfileConfig config) {
    return new ProfileStore(history, config);
  }

  /** The configuration the store was built with. */
  public ProfileConfig config() {
    return config;
  }

  /** The history the store was built from. */
  public List<Declaration> history() {
    return declarations;
  }

  /** A party's declarations in a role, in date order. */
  List<Declaration> rowsOf(PartyRole role, String partyId) {
    PartyIndex ix = roles.get(role);
    int p = partyId.isEmpty() ? -1 : ix.party(partyId);
    if (p < 0) {
      return List.of();
    }
    List<Declaration> out = new ArrayList<>(ix.offsets[p + 1] - ix.offsets[p]);
    for (int k = ix.offsets[p]; k < ix.offsets[p + 1]; k++) {
      out.add(declarations.get(ix.order[k]));
    }
    return out;
  }

  /** The fraud rate of all inspections before a date; 0 when there were none. */
  public double baseRate(LocalDate asOf) {
    int k = PartyIndex.lowerBound(globalDays, 0, globalDays.length, (int) asOf.toEpochDay());
    return globalLabelled[k] == 0 ? 0 : globalFrauds[k] / (double) globalLabelled[k];
  }

  /** The roles in which an id appears anywhere in the history. */
  public List<PartyRole> rolesOf(String partyId) {
    List<PartyRole> out = new ArrayList<>();
    for (PartyRole r : PartyRole.values()) {
      if (roles.get(r).party(partyId) >= 0) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every party id seen in a role. */
  public List<String> parties(PartyRole role) {
    return List.of(roles.get(role).names);
  }

  /** A party's profile as of a date; empty when it has no declaration before that date. */
  public Optional<PartyProfile> profile(PartyRole role, String partyId, LocalDate asOf) {
    return profile(role, partyId, asOf, baseRate(asOf));
  }

  /** As {@link #profile(PartyRole, String, LocalDate)}, shrunk towards a base rate known elsewhere. */
  Optional<PartyProfile> profile(PartyRole role, String partyId, LocalDate asOf, double base) {
    PartyIndex ix = roles.get(role);
    int p = ix.party(partyId);
    if (p < 0) {
      return Optional.empty();
    }
    int t = (int) asOf.toEpochDay();
    int start = ix.offsets[p];
    int end = ix.lowerBound(start, ix.offsets[p + 1], t);
    if (end == start) {
      return Optional.empty();
    }
    double m = config.priorStrength();
    long labelled = ix.cumLabelled[end] - ix.cumLabelled[start];
    long frauds = ix.cumFrauds[end] - ix.cumFrauds[start];
    int recentStart = ix.lowerBound(start, end, t - config.recentDays());
    int prevStart = ix.lowerBound(start, recentStart, t - 2 * config.recentDays());
    long recent = end - recentStart;
    long previous = recentStart - prevStart;
    double recentRate = shrunk(ix.cumFrauds[end] - ix.cumFrauds[recentStart],
        ix.cumLabelled[end] - ix.cumLabelled[recentStart], base, m);
    double olderRate = shrunk(ix.cumFrauds[recentStart] - ix.cumFrauds[start],
        ix.cumLabelled[recentStart] - ix.cumLabelled[start], base, m);
    Map<String, Long> hs = new HashMap<>();
    Map<String, Long> origins = new HashMap<>();
    for (int k = start; k < end; k++) {
      Declaration d = declarations.get(ix.order[k]);
      hs.merge(d.hs6(), 1L, Long::sum);
      origins.merge(d.originCountry(), 1L, Long::sum);
    }
    long n = end - start;
    return Optional.of(new PartyProfile(role, partyId, asOf, n,
        ix.sum(ix.cumValue, p, start, end), ix.sum(ix.cumTax, p, start, end),
        LocalDate.ofEpochDay(ix.days[start]), LocalDate.ofEpochDay(ix.days[end - 1]),
        labelled, frauds,
        labelled == 0 ? OptionalDouble.empty() : OptionalDouble.of(frauds / (double) labelled),
        shrunk(frauds, labelled, base, m), base, recent, previous,
        (recent - previous) / (double) Math.max(1, previous), recentRate - olderRate,
        decayedRisk(ix, p, start, end, t, base), hs.size(), origins.size(),
        top(hs, n), top(origins, n)));
  }

  /**
   * The attributes of a declaration's parties as of its own date, named {@code <role>.<figure>}
   * for every role and every figure in {@link #FIGURES}. A party the declaration does not name,
   * or one never seen before, gets zero counts and the base rate as its rates.
   */
  public Map<String, Double> features(Declaration d) {
    return features(d, d.date());
  }

  /** As {@link #features(Declaration)}, as of another date (e.g. the start of a scoring batch). */
  public Map<String, Double> features(Declaration d, LocalDate asOf) {
    int t = (int) asOf.toEpochDay();
    EnumMap<PartyRole, Tally> tallies = new EnumMap<>(PartyRole.class);
    for (PartyRole r : PartyRole.values()) {
      tallies.put(r, tally(r, r.partyOf(d), t));
    }
    return features(tallies, baseRate(asOf), asOf, config);
  }

  /**
   * The attributes {@link #features} gives, from each role's tally made elsewhere (Spark sums
   * them with window functions): one piece of code turns tallies into figures on every path.
   *
   * @param base the fraud rate of all inspections before {@code asOf}
   */
  public static Map<String, Double> features(Map<PartyRole, Tally> tallies, double base, LocalDate asOf,
      ProfileConfig config) {
    int t = (int) asOf.toEpochDay();
    Map<String, Double> out = new LinkedHashMap<>();
    for (PartyRole r : PartyRole.values()) {
      figures(out, r, tallies.getOrDefault(r, Tally.NONE), base, t, config.priorStrength());
    }
    return out;
  }

  /**
   * What a party's figures are made of, before day {@code t}: counts and sums that add up over
   * any split of the history, so a live overlay can add its own ({@link LiveProfiles}).
   *
   * @param decayLabelled inspections weighted by exp(−λ·age in days at {@code t}), λ = ln 2 / half-life
   * @param firstDay the first day seen (epoch day), {@link Integer#MAX_VALUE} when none
   * @param recent declarations in the {@link ProfileConfig#recentDays()} days before {@code t}
   */
  public record Tally(long declarations, long labelled, long frauds, double value, double decayLabelled,
      double decayFrauds, int firstDay, long recent) {
    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, Integer.MAX_VALUE, 0);

    Tally plus(Tally o) {
      return new Tally(declarations + o.declarations, labelled + o.labelled, frauds + o.frauds, value + o.value,
          decayLabelled + o.decayLabelled, decayFrauds + o.decayFrauds, Math.min(firstDay, o.firstDay),
          recent + o.recent);
    }
  }

  /** A party's tally before day {@code t}; {@link Tally#NONE} for an unknown or blank id. */
  Tally tally(PartyRole role, String id, int t) {
    PartyIndex ix = roles.get(role);
    int p = id.isEmpty() ? -1 : ix.party(id);
    if (p < 0) {
      return Tally.NONE;
    }
    int start = ix.offsets[p];
    int end = ix.lowerBound(start, ix.offsets[p + 1], t);
    if (end == start) {
      return Tally.NONE;
    }
    double scale = Math.exp(-lambda * (t - day0));
    return new Tally(end - start, ix.cumLabelled[end] - ix.cumLabelled[start],
        ix.cumFrauds[end] - ix.cumFrauds[start], ix.sum(ix.cumValue, p, start, end),
        ix.sum(ix.cumDecayLabelled, p, start, end) * scale, ix.sum(ix.cumDecayFrauds, p, start, end) * scale,
        ix.days[start], end - ix.lowerBound(start, end, t - config.recentDays()));
  }

  /** Inspections and frauds of the whole history before day {@code t}: the base rate's parts. */
  long[] inspectedBefore(int t) {
    int k = PartyIndex.lowerBound(globalDays, 0, globalDays.length, t);
    return new long[] {globalLabelled[k], globalFrauds[k]};
  }

  /** The decay rate λ of the configured half-life, per day. */
  double lambda() {
    return lambda;
  }

  /** Puts one role's figures ({@link #FIGURES}) as of day {@code t} into {@code out}. */
  void figures(Map<String, Double> out, PartyRole r, Tally k, double base, int t) {
    figures(out, r, k, base, t, config.priorStrength());
  }

  private static void figures(Map<String, Double> out, PartyRole r, Tally k, double base, int t, double m) {
    String prefix = r.key() + ".";
    boolean none = k.declarations() == 0;
    out.put(prefix + "declarations", (double) k.declarations());
    out.put(prefix + "inspected", (double) k.labelled());
    out.put(prefix + "hit_rate", shrunk(k.frauds(), k.labelled(), base, m));
    out.put(prefix + "raw_hit_rate", k.labelled() == 0 ? base : k.frauds() / (double) k.labelled());
    out.put(prefix + "risk", none ? base : (k.decayFrauds() + m * base) / (k.decayLabelled() + m));
    out.put(prefix + "days_known", none ? 0.0 : (double) (t - k.firstDay()));
    out.put(prefix + "recent_declarations", (double) k.recent());
    out.put(prefix + "log_value", none ? 0.0 : Math.log1p(k.value()));
  }

  /** The most pseudo-inspections {@link #empiricalPriorStrength} answers. */
  public static final double MAX_PRIOR_STRENGTH = 1000;

  /**
   * Empirical-Bayes estimate of the beta prior's strength for a role, as of a date: how many
   * pseudo-inspections the parties' true hit rates are worth, judged by how much more their
   * observed rates vary than binomial noise alone explains (method of moments over the parties
   * with at least {@code minInspected} inspections before the date). Small means parties differ a
   * lot and their own records should count early; {@link #MAX_PRIOR_STRENGTH} means no difference
   * between parties was found beyond chance, so every party should stay at the base rate.
   *
   * @return the estimate, or empty when fewer than 10 parties qualify or nothing was inspected
   */
  public OptionalDouble empiricalPriorStrength(PartyRole role, LocalDate asOf, int minInspected) {
    PartyIndex ix = roles.get(role);
    int t = (int) asOf.toEpochDay();
    int parties = 0;
    double sumN = 0;
    double sumN2 = 0;
    double sumF = 0;
    long[] n = new long[ix.names.length];
    long[] f = new long[ix.names.length];
    for (int p = 0; p < ix.names.length; p++) {
      int start = ix.offsets[p];
      int end = ix.lowerBound(start, ix.offsets[p + 1], t);
      n[p] = ix.cumLabelled[end] - ix.cumLabelled[start];
      f[p] = ix.cumFrauds[end] - ix.cumFrauds[start];
      if (n[p] >= minInspected) {
        parties++;
        sumN += n[p];
        sumN2 += (double) n[p] * n[p];
        sumF += f[p];
      }
    }
    if (parties < 10 || sumN == 0) {
      return OptionalDouble.empty();
    }
    double mean = sumF / sumN;
    if (mean <= 0 || mean >= 1) {
      return OptionalDouble.of(MAX_PRIOR_STRENGTH);
    }
    double between = 0;
    for (int p = 0; p < n.length; p++) {
      if (n[p] >= minInspected) {
        double r = f[p] / (double) n[p];
        between += n[p] * (r - mean) * (r - mean);
      }
    }
    // Observed spread minus what binomial noise alone would give, per effective party size.
    double tau2 = (between - (parties - 1) * mean * (1 - mean)) / (sumN - sumN2 / sumN);
    if (!(tau2 > 0)) {
      return OptionalDouble.of(MAX_PRIOR_STRENGTH);
    }
    return OptionalDouble.of(Math.min(MAX_PRIOR_STRENGTH, Math.max(0, mean * (1 - mean) / tau2 - 1)));
  }

  static double shrunk(long frauds, long labelled, double base, double strength) {
    return (frauds + strength * base) / (labelled + strength);
  }

  private double decayedRisk(PartyIndex ix, int p, int start, int end, int t, double base) {
    // The running sums were weighted by exp(λ(day − day0)); scaling by exp(−λ(t − day0)) makes
    // each inspection weigh exp(−λ·age).
    double scale = Math.exp(-lambda * (t - day0));
    double lab = ix.sum(ix.cumDecayLabelled, p, start, end) * scale;
    double fr = ix.sum(ix.cumDecayFrauds, p, start, end) * scale;
    return (fr + config.priorStrength() * base) / (lab + config.priorStrength());
  }

  private List<Share> top(Map<String, Long> counts, long total) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(config.topN())
        .map(e -> new Share(e.getKey(), e.getValue(), e.getValue() / (double) total))
        .toList();
  }
}
