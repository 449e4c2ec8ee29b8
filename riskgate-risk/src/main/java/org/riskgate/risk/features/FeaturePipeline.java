package org.riskgate.risk.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationTable;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.core.evidence.Phrase;

/**
 * Turns declarations into the numeric rows a risk model reads, point-in-time.
 *
 * <p>A declaration dated D is described by its own fields and by the history of its importer,
 * declarant, seller, courier, HS code, origin and their combinations over days strictly before D.
 * History advances one whole day at a time ({@link #advance}), so no declaration ever sees its
 * own day, its own outcome, or anything later. Not thread-safe while advancing; {@link #describe}
 * may run on many threads between advances.
 */
public final class FeaturePipeline {
  /** How many inspections a history counts as before its own fraud rate outweighs the prior. */
  static final double SHRINKAGE = 5;

  /** A field kept as a vocabulary code; its label is {@code label.<name>} in the reasons' bundle. */
  private record Categorical(String name, Function<Declaration, String> of) {}

  private static final List<Categorical> CATEGORICALS = List.of(
      new Categorical("office", Declaration::officeId),
      new Categorical("process_type", Declaration::processType),
      new Categorical("import_type", Declaration::importType),
      new Categorical("import_use", Declaration::importUse),
      new Categorical("payment_type", Declaration::paymentType),
      new Categorical("transport_mode", Declaration::transportMode),
      new Categorical("tax_type_code", Declaration::taxType),
      new Categorical("origin_indicator", Declaration::originIndicator),
      new Categorical("origin_code", Declaration::originCountry),
      new Categorical("departure_code", Declaration::departureCountry));

  /**
   * The parties themselves, coded like the categories, as the last columns: for models that learn
   * an embedding of each party. Neither {@code declaration} nor {@code all} features (see {@code
   * FeatureSet}), so the trees never split on an importer's arbitrary number.
   */
  private static final List<Categorical> IDENTITIES = List.of(
      new Categorical("importer_id", Declaration::importerId),
      new Categorical("declarant_id", Declaration::declarantId),
      new Categorical("seller_id", Declaration::sellerId),
      new Categorical("courier_id", Declaration::courierId));

  /** Every field kept as a vocabulary code. */
  private static final List<Categorical> CODED =
      java.util.stream.Stream.concat(CATEGORICALS.stream(), IDENTITIES.stream()).toList();
  private static final java.util.Set<String> IDENTITY_NAMES =
      IDENTITIES.stream().map(Categorical::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final java.util.Set<String> CODE_NAMES = java.util.stream.Stream.concat(
      CODED.stream().map(Categorical::name), java.util.stream.Stream.of("hs6_number"))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final Key[] KEYS = Key.values();
  /** The bundle of the features' (and the objective's) words. */
  public static final String REASONS = "org.riskgate.risk.reasons";
  private static final Key[] UNIT_VALUE_KEYS = {Key.HS6, Key.HS6_ORIGIN, Key.IMPORTER_HS6};
  private static final Key[] RECENCY_KEYS = {Key.IMPORTER, Key.DECLARANT, Key.SELLER};

  final FeatureState state;
  private final List<String> names;
  /** How each feature, by column, is put in words. */
  private final Says[] says;
  private final Map<String, Integer> positions = new HashMap<>();
  /** Snapshot of the history for {@link #describe}; dropped when the history advances. */
  private volatile FrozenHistory frozen;

  FeaturePipeline(FeatureState state) {
    this.state = state;
    List<String> n = new ArrayList<>();
    List<Says> w = new ArrayList<>();
    own(n, w);
    for (Categorical c : CATEGORICALS) {
      n.add(c.name());
      Says says = (d, v) -> say("field", label(c), c.of().apply(d));
      w.add(switch (c.name()) {
        case "origin_code" -> withRecord(Key.ORIGIN, says);
        case "tax_type_code" -> withRecord(Key.TAX_TYPE, says);
        default -> says;
      });
    }
    for (Key k : KEYS) {
      history(n, w, k, "count", (d, v, who, s) -> say("history.count", who, Long.toString(s.seen)));
      history(n, w, k, "fraud_rate", (d, v, who, s) -> say("history.fraud_rate", who, record(s), percentFraud(s)));
      history(n, w, k, "critical_rate", (d, v, who, s) -> say("history.critical_rate", who,
          Long.toString(s.criticals), Long.toString(s.inspected)));
    }
    for (Key k : RECENCY_KEYS) {
      history(n, w, k, "days_since_first", (d, v, who, s) -> say("history.first_seen", who, Words.whole(v)));
      history(n, w, k, "days_since_last", (d, v, who, s) -> say("history.last_seen", who, Words.whole(v)));
    }
    for (Key k : UNIT_VALUE_KEYS) {
      history(n, w, k, "unit_value_z", (d, v, who, s) -> {
        String price = Words.money(Math.exp(logUnitValue(d)));
        return Math.abs(v) < 0.5 ? say("unit_value.usual", price, label(k), Long.toString(s.seen))
            : say(v < 0 ? "unit_value.below" : "unit_value.above", price, Words.oneDecimal(Math.abs(v)), label(k));
      });
    }
    history(n, w, Key.IMPORTER, "price_vs_usual",
        (d, v, who, s) -> say("price_vs_usual", Words.oneDecimal(Math.exp(v))));
    for (Categorical c : IDENTITIES) {
      n.add(c.name());
      // importer_id is the importer's key, and so on
      Key k = Key.valueOf(c.name().substring(0, c.name().indexOf('_')).toUpperCase(Locale.ROOT));
      Says named = withRecord(k, (d, v) -> say("field", label(c), c.of().apply(d)));
      w.add((d, v) -> c.of().apply(d).isEmpty() ? say("field.none", label(c)) : named.say(d, v));
    }
    this.names = List.copyOf(n);
    this.says = w.toArray(Says[]::new);
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
  }

  /** How one feature of a declaration is put in words, given its value. */
  @FunctionalInterface
  private interface Says {
    Phrase say(Declaration d, float value);
  }

  /** How a history feature is put in words, given who the history is about and the history. */
  @FunctionalInterface
  private interface SaysOfHistory {
    Phrase say(Declaration d, float value, Phrase who, Stats history);
  }

  /** A phrase of this module's reasons ({@code org/riskgate/risk/reasons*.properties}). */
  private static Phrase say(String code, Object... args) {
    return Phrase.of(REASONS, code, args);
  }

  private static Phrase label(Categorical c) {
    return say("label." + c.name());
  }

  private static Phrase label(Key k) {
    return say("label.key." + k.name().toLowerCase(Locale.ROOT));
  }

  /**
   * A declaration's own field in words, with the inspection record of that value when there is
   * one: a model that learned from the HS code itself is explained with what is known of it.
   */
  private Says withRecord(Key k, Says says) {
    return (d, v) -> {
      Stats s = stats(k, k.value(d));
      Phrase what = says.say(d, v);
      return s == null || s.inspected == 0 ? what : say("with_record", what, record(s), percentFraud(s));
    };
  }

  /** The history of a key's text, or null when it is blank or was never seen. */
  private Stats stats(Key k, String id) {
    return id.isEmpty() ? null : state.history.get(k).get(id);
  }

  private static Phrase record(Stats s) {
    return say("record", Long.toString(s.frauds), Long.toString(s.inspected));
  }

  private static String percentFraud(Stats s) {
    return Words.whole(100.0 * s.frauds / Math.max(1, s.inspected)) + " %";
  }

  private void own(List<String> n, List<Says> w) {
    n.add("tax_rate");
    w.add((d, v) -> say("tax_rate", Words.oneDecimal(d.taxRate())));
    n.add("log_price");
    w.add((d, v) -> say("item_price", Words.money(d.itemPrice())));
    n.add("log_mass");
    w.add((d, v) -> say("net_mass", Words.oneDecimal(d.netMass())));
    n.add("log_unit_value");
    w.add((d, v) -> say("unit_price", Words.money(Math.exp(v))));
    n.add("log_tax_at_stake");
    w.add((d, v) -> say("tax_at_stake", Words.money(d.itemPrice() * d.taxRate() / 100)));
    n.add("hs6_number");
    w.add(withRecord(Key.HS6, (d, v) -> say("field", label(Key.HS6), d.hs6())));
    n.add("day_of_week");
    w.add((d, v) -> say("day_of_week", say("day." + d.date().getDayOfWeek().toString().toLowerCase(Locale.ROOT))));
    n.add("has_seller");
    w.add((d, v) -> say(d.sellerId().isEmpty() ? "seller.none" : "seller.declared"));
    n.add("has_courier");
    w.add((d, v) -> d.courierId().isEmpty() ? say("courier.none") : say("field", label(Key.COURIER), d.courierId()));
    n.add("origin_differs_from_departure");
    w.add((d, v) -> d.originCountry().equals(d.departureCountry())
        ? say("origin.same")
        : say("origin.differs", d.originCountry(), d.departureCountry()));
  }

  private void history(List<String> n, List<Says> w, Key k, String what, SaysOfHistory says) {
    n.add(k.featurePrefix() + "." + what);
    boolean seenOrNot = what.equals("count") || what.startsWith("days_since");
    w.add((d, v) -> {
      String id = k.value(d);
      Stats s = stats(k, id);
      Phrase who = say("field", label(k), id.replace("|", " / "));
      if (s == null) {
        return say(seenOrNot ? "history.never_seen" : "history.none", who);
      }
      return says.say(d, v, who, s);
    });
  }

  /**
   * A pipeline with no history, whose category vocabularies are fitted on {@code rows}. Only
   * category values are taken from them — no outcome — so fitting on a training file leaks
   * nothing.
   */
  public static FeaturePipeline fit(List<Declaration> rows) {
    return fromCategoryCounts(categoryCounts(rows));
  }

  /**
   * How often each value of each categorical field occurs in {@code rows}: what {@link #fit}
   * learns. Counts of parts of the data add up ({@link #addCategoryCounts}), so an engine that
   * holds the rows on many machines fits the same vocabularies.
   */
  public static Map<String, Map<String, Long>> categoryCounts(Iterable<Declaration> rows) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (Categorical c : CODED) {
      counts.put(c.name(), new HashMap<>());
    }
    for (Declaration d : rows) {
      for (Categorical c : CODED) {
        counts.get(c.name()).merge(c.of().apply(d), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Adds the counts {@code more} into {@code into}, and returns it. */
  public static Map<String, Map<String, Long>> addCategoryCounts(
      Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> more) {
    more.forEach((name, freq) -> freq.forEach(
        (value, n) -> into.computeIfAbsent(name, x -> new HashMap<>()).merge(value, n, Long::sum)));
    return into;
  }

  /** A pipeline with no history, whose vocabularies are fitted on {@link #categoryCounts}. */
  public static FeaturePipeline fromCategoryCounts(Map<String, Map<String, Long>> counts) {
    FeatureState s = new FeatureState();
    for (Categorical c : CODED) {
      Map<String, Integer> vocab = new LinkedHashMap<>();
      counts.getOrDefault(c.name(), Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> vocab.put(e.getKey(), vocab.size()));
      s.vocabularies.put(c.name(), vocab);
    }
    return new FeaturePipeline(s);
  }

  /**
   * Whether a feature comes from a history (an importer's fraud rate, an HS code's count ...)
   * rather than from the declaration itself: history features are named {@code key.what}.
   */
  public static boolean fromHistory(String name) {
    return name.indexOf('.') > 0;
  }

  /** Whether a feature is a party's own code ({@code importer_id} ...), not a fact about the declaration. */
  public static boolean identity(String name) {
    return IDENTITY_NAMES.contains(name);
  }

  /**
   * Whether a feature's value names a category (a vocabulary code, or the HS code as a number):
   * its order and size mean nothing, NaN is a value never seen when the vocabulary was fitted.
   */
  public static boolean code(String name) {
    return CODE_NAMES.contains(name);
  }

  /** Feature names, in column order. */
  public List<String> names() {
    return names;
  }

  /** Number of features. */
  public int width() {
    return names.size();
  }

  /** The last day already in the history, if any. */
  public java.util.Optional<LocalDate> historyUntil() {
    return state.lastDay == Integer.MIN_VALUE
        ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.ofEpochDay(state.lastDay));
  }

  /** Where {@link #describe} finds the history of a key. */
  interface History {
    int BLANK = 0;
    int UNKNOWN = 1;
    int FOUND = 2;

    /**
     * Writes the key's {@link Stats#values} into {@code into[at ..]} when it has a history.
     * {@code row} is the declaration's place in the batch being described, if any.
     */
    int find(Key k, Declaration d, int row, double[] into, int at);
  }

  /**
   * Writes the features of one declaration into {@code out[offset .. offset + width())}, from the
   * history as it stands. For a declaration dated after {@link #historyUntil()} that is exactly
   * what was known before it; for an older one the history may include its own day — callers that
   * must not see the future (training, evaluation) go through {@link #walk} or check the date.
   *
   * <p>Reads a snapshot of the history taken at the first call after the last {@link #advance},
   * so that scoring millions of rows does not pay for the live maps.
   */
  public void describe(Declaration d, float[] out, int offset) {
    describe(d, out, offset, snapshot(), 0);
  }

  /**
   * Describes {@code rows[from .. to)}, row r into {@code out[r * width() ..]}, like {@link
   * #describe(Declaration, float[], int)}. Looks the keys of all the rows up together, which lets
   * the processor fetch many of them from memory at once; safe to call from many threads.
   */
  public void describe(List<Declaration> rows, int from, int to, float[] out) {
    History block = snapshot().block(rows, from, to);
    for (int r = from; r < to; r++) {
      describe(rows.get(r), out, r * width(), block, r);
    }
  }

  private FrozenHistory snapshot() {
    FrozenHistory h = frozen;
    if (h == null) {
      synchronized (this) {
        if (frozen == null) {
          frozen = new FrozenHistory(state, prior(), criticalPrior());
        }
        h = frozen;
      }
    }
    return h;
  }

  void describe(Declaration d, float[] out, int offset, History history, int row) {
    describe(d, out, offset, history, row, prior(), criticalPrior());
  }

  /** Like the above, with the priors an unknown key gets (those of the history before {@code d}'s day). */
  void describe(Declaration d, float[] out, int offset, History history, int row, double prior,
      double criticalPrior) {
    int day = (int) d.date().toEpochDay();
    int i = offset;
    double logPrice = Math.log1p(d.itemPrice());
    double logMass = Math.log1p(d.netMass());
    double logUv = logUnitValue(d);
    out[i++] = (float) d.taxRate();
    out[i++] = (float) logPrice;
    out[i++] = (float) logMass;
    out[i++] = (float) logUv;
    out[i++] = (float) Math.log1p(d.itemPrice() * d.taxRate() / 100);
    out[i++] = hsNumber(d.hs6());
    out[i++] = d.date().getDayOfWeek().getValue();
    out[i++] = d.sellerId().isEmpty() ? 0 : 1;
    out[i++] = d.courierId().isEmpty() ? 0 : 1;
    out[i++] = d.originCountry().equals(d.departureCountry()) ? 0 : 1;
    for (Categorical c : CATEGORICALS) {
      Integer code = state.vocabularies.get(c.name()).get(c.of().apply(d));
      out[i++] = code == null ? Float.NaN : code;
    }
    double[] v = new double[KEYS.length * Stats.VALUES];
    boolean[] found = new boolean[KEYS.length];
    for (Key k : KEYS) {
      int at = k.ordinal() * Stats.VALUES;
      int f = history.find(k, d, row, v, at);
      found[k.ordinal()] = f == History.FOUND;
      if (f == History.FOUND) {
        out[i++] = (float) v[at + Stats.LOG_SEEN];
        out[i++] = (float) v[at + Stats.FRAUD_RATE];
        out[i++] = (float) v[at + Stats.CRITICAL_RATE];
      } else {
        out[i++] = f == History.BLANK ? Float.NaN : 0;
        out[i++] = f == History.BLANK ? Float.NaN : (float) prior;
        out[i++] = f == History.BLANK ? Float.NaN : (float) criticalPrior;
      }
    }
    for (Key k : RECENCY_KEYS) {
      int at = k.ordinal() * Stats.VALUES;
      out[i++] = found[k.ordinal()] ? day - (int) v[at + Stats.FIRST_DAY] : Float.NaN;
      out[i++] = found[k.ordinal()] ? day - (int) v[at + Stats.LAST_DAY] : Float.NaN;
    }
    for (Key k : UNIT_VALUE_KEYS) {
      int at = k.ordinal() * Stats.VALUES;
      // NaN when unknown or seen once: the mean and spread are NaN then
      out[i++] = found[k.ordinal()]
          ? (float) ((logUv - v[at + Stats.MEAN_LOG_UNIT_VALUE]) / v[at + Stats.SD_LOG_UNIT_VALUE])
          : Float.NaN;
    }
    int imp = Key.IMPORTER.ordinal() * Stats.VALUES;
    out[i++] = found[Key.IMPORTER.ordinal()] ? (float) (logPrice - v[imp + Stats.MEAN_LOG_PRICE]) : Float.NaN;
    for (Categorical c : IDENTITIES) {
      Integer code = state.vocabularies.get(c.name()).get(c.of().apply(d));
      out[i++] = code == null ? Float.NaN : code;
    }
  }

  /** The live history, for walking a period that advances day by day. */
  History live() {
    double prior = prior();
    double criticalPrior = criticalPrior();
    return (k, d, row, into, at) -> {
      String v = k.value(d);
      if (v.isEmpty()) {
        return History.BLANK;
      }
      Stats s = state.history.get(k).get(v);
      if (s == null) {
        return History.UNKNOWN;
      }
      s.values(prior, criticalPrior, into, at);
      return History.FOUND;
    };
  }

  /**
   * Moves history forward by one or more whole days: {@code days} must all be dated after the
   * current history. Volumes, values and the outcomes that are known are all learned.
   */
  public void advance(List<Declaration> days) {
    frozen = null;
    int maxDay = state.lastDay;
    for (Declaration d : days) {
      int day = (int) d.date().toEpochDay();
      if (day <= state.lastDay) {
        throw new IllegalStateException("history already runs to "
            + LocalDate.ofEpochDay(state.lastDay) + "; cannot add " + d.id() + " of " + d.date());
      }
      maxDay = Math.max(maxDay, day);
      double logUv = logUnitValue(d);
      double logPrice = Math.log1p(d.itemPrice());
      java.util.Optional<InspectionOutcome> outcome = d.outcome();
      state.global.observe(day, logUv, logPrice);
      outcome.ifPresent(o -> state.global.learn(o.fraud(), o.criticalFraud()));
      for (Key k : KEYS) {
        String v = k.value(d);
        if (v.isEmpty()) {
          continue;
        }
        Stats s = state.history.get(k).computeIfAbsent(v, x -> new Stats());
        s.observe(day, logUv, logPrice);
        outcome.ifPresent(o -> s.learn(o.fraud(), o.criticalFraud()));
      }
    }
    state.lastDay = maxDay;
  }

  /** The result of walking a labelled period day by day. */
  public record Walk(float[] matrix, int rows, int width, List<Declaration> order) {}

  /**
   * Describes every declaration point-in-time and learns from it afterwards, one day at a time,
   * in date order. The returned order is the rows' order in the matrix.
   */
  public Walk walk(List<Declaration> rows) {
    int w = width();
    float[] m = new float[matrixSize(rows.size(), w)];
    List<Declaration> order = walk(rows, (position, d, features) -> System.arraycopy(features, 0, m, position * w, w));
    return new Walk(m, rows.size(), w, order);
  }

  /** Receives each declaration's features as a {@link #walk(List, Described) walk} describes it. */
  @FunctionalInterface
  public interface Described {
    /**
     * @param position the declaration's place in date order
     * @param features its {@link #width()} values, valid only during the call
     */
    void accept(int position, Declaration d, float[] features);
  }

  /**
   * Walks like {@link #walk(List)} but hands each row's features to {@code sink} instead of
   * keeping a matrix of every row, so training keeps only the rows it learns from. Returns the
   * rows in date order (a view of {@code rows}; rows of one day keep their order).
   */
  public List<Declaration> walk(List<Declaration> rows, Described sink) {
    List<Declaration> sorted = inDateOrder(rows);
    float[] features = new float[width()];
    int start = 0;
    while (start < sorted.size()) {
      Declaration d = sorted.get(start);
      LocalDate day = d.date();
      int end = start;
      History history = live();
      while (true) {
        describe(d, features, 0, history, end);
        sink.accept(end, d, features);
        if (++end == sorted.size()) {
          break;
        }
        d = sorted.get(end);
        if (!d.date().equals(day)) {
          break;
        }
      }
      advance(sorted.subList(start, end));
      start = end;
    }
    return sorted;
  }

  /**
   * The rows sorted by date, stably, without copying them: a table of millions of rows is sorted
   * by its dates alone, and most files come sorted already.
   */
  private static List<Declaration> inDateOrder(List<Declaration> rows) {
    int n = rows.size();
    long[] keys = new long[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      long day = rows instanceof DeclarationTable t ? t.date(i).toEpochDay() : rows.get(i).date().toEpochDay();
      // the day in the high bits, the row in the low: sorting the keys is a stable sort by day
      keys[i] = (day << 32) | i;
      sorted &= i == 0 || keys[i - 1] >> 32 <= day;
    }
    if (sorted) {
      return rows;
    }
    Arrays.sort(keys);
    return new AbstractList<Declaration>() {
      @Override
      public Declaration get(int i) {
        return rows.get((int) keys[i]);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  /** Length of a rows × width matrix in one array, or a clear error where it cannot be one. */
  public static int matrixSize(long rows, int width) {
    long size = rows * width;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(String.format(
          "%,d rows of %d features do not fit one feature matrix (at most %,d rows): train on a shorter period",
          rows, width, (Integer.MAX_VALUE - 16) / width));
    }
    return (int) size;
  }

  /**
   * Says in words (English) what feature {@code f} of declaration {@code d} means for its risk,
   * using the same history that produced the value.
   */
  public String explain(Declaration d, int f, float value) {
    return words(d, f, value).english();
  }

  /** What {@link #explain} says, as a phrase for every language the reasons' bundle has. */
  public Phrase words(Declaration d, int f, float value) {
    return says[f].say(d, value);
  }

  private double prior() {
    return prior(state.global);
  }

  private double criticalPrior() {
    return criticalPrior(state.global);
  }

  /** The fraud rate an unknown key gets, from the history of every declaration. */
  static double prior(Stats global) {
    // before any outcome is known, an uninformative 0.5 ranks nothing above anything else
    return global.inspected == 0 ? 0.5 : global.fraudRate(0.5, 1);
  }

  static double criticalPrior(Stats global) {
    return global.inspected == 0 ? 0.1 : global.criticalRate(0.1, 1);
  }

  static double logUnitValue(Declaration d) {
    return Math.log1p(d.itemPrice()) - Math.log1p(d.netMass());
  }

  private static float hsNumber(String hs6) {
    return Integer.parseInt(hs6);
  }

  /** Column of a feature by name, or -1 when there is no such feature. */
  public int position(String name) {
    return positions.getOrDefault(name, -1);
  }

  /** Saves the fitted state (gzip-compressed binary, see {@link FeatureState}). */
  public void save(Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16))) {
      state.write(out);
    }
  }

  /** Loads a state saved by {@link #save}. */
  public static FeaturePipeline load(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
      return new FeaturePipeline(FeatureState.read(in, file.toString()));
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new IOException(file + " is truncated or damaged: " + e.getMessage(), e);
    }
  }
}
