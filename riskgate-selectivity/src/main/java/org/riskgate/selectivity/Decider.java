package org.riskgate.selectivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;
import org.riskgate.risk.Contribution;
import org.riskgate.risk.Explanations;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * The one place where declarations get their lanes: features, model score, evidence, analysts'
 * rules, the lane under a {@link LanePolicy}, and the reasons, decisive reason first. The batch
 * ({@link BatchScorer}, and through it Spark), and the server's single declarations all decide
 * here, so a declaration gets the same score, lane and reasons whichever path decides it under
 * the same policy.
 *
 * <p>Thread-safe: it holds no state beyond its configuration.
 */
public final class Decider {
  private static final int DESCRIBE_BLOCK = 512;
  private static final int EXPLAIN_BLOCK = 256;

  /**
   * @param objective what the lanes rank by: the risk, or the expected tax recovered
   * @param reasonsPerDecision how many model reasons a red or yellow decision carries
   * @param seed seeds the random picks
   */
  public record Settings(Objective objective, int reasonsPerDecision, long seed) {
    public Settings {
      Objects.requireNonNull(objective, "objective");
      if (reasonsPerDecision < 0) {
        throw new IllegalArgumentException("reasons per decision must not be negative");
      }
    }
  }

  private final ModelBundle bundle;
  private final FeaturePipeline pipeline;
  private final RuleSet rules;
  private final EvidenceSource evidence;
  private final Settings settings;
  private final RandomPicks random;

  /**
   * @param evidence what the checks beside the model find: rules test its figures beside the
   *     pipeline's features, and its findings go on the decision
   */
  public Decider(ModelBundle bundle, RuleSet rules, EvidenceSource evidence, Settings settings) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.pipeline = bundle.features();
    this.rules = Objects.requireNonNull(rules, "rules");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = new RandomPicks(settings.seed());
  }

  /** One declaration, decided on its own (under {@link LanePolicy.ByThresholds} as a rule). */
  public Decision decideOne(Declaration d, LanePolicy policy) {
    return decide(List.of(d), policy).get(0);
  }

  /**
   * Declarations decided together; aligned with the input. Under {@link LanePolicy.ByCapacity}
   * they are one day's declarations and share its capacity.
   *
   * @throws IllegalArgumentException when a capacity is to be shared by declarations of several
   *     days
   */
  public List<Decision> decide(List<Declaration> rows, LanePolicy policy) {
    return decide(score(rows), 0, rows.size(), policy, Instant.now());
  }

  /** Rows described, scored and checked: what the rules and lanes are decided from. */
  record Scored(List<Declaration> rows, float[] x, double[] model, Evidence[] evidence) {}

  /** Features, model scores and evidence for rows, in one model call. */
  Scored score(List<Declaration> rows) {
    int w = pipeline.width();
    float[] x = new float[rows.size() * w];
    IntStream.range(0, (rows.size() + DESCRIBE_BLOCK - 1) / DESCRIBE_BLOCK).parallel()
        .forEach(b -> pipeline.describe(rows, b * DESCRIBE_BLOCK, Math.min(rows.size(), (b + 1) * DESCRIBE_BLOCK), x));
    double[] model = bundle.model().score(x, rows.size(), w);
    Evidence[] found = new Evidence[rows.size()];
    IntStream.range(0, rows.size()).parallel().forEach(r -> found[r] = evidence.about(rows.get(r)));
    return new Scored(rows, x, model, found);
  }

  /** Decides rows {@code from} to {@code to} of what was scored. */
  List<Decision> decide(Scored s, int from, int to, LanePolicy policy, Instant now) {
    int n = to - from;
    int w = pipeline.width();
    RuleOutcome[] ruled = new RuleOutcome[n];
    Optional<Lane>[] forced = forcedLanes(n);
    double[] scores = new double[n];
    double[] priority = new double[n];
    for (int r = 0; r < n; r++) {
      Declaration d = s.rows().get(from + r);
      double model = s.model()[from + r];
      ruled[r] = rules == RuleSet.NONE ? RuleOutcome.NONE
          : rules.apply(d, model, new FeatureView(s.x(), (from + r) * w, s.evidence()[from + r].figures()));
      double score = model;
      for (RuleHit h : ruled[r].hits()) {
        score += h.scoreDelta();
        if (h.forcedLane().isPresent()
            && (forced[r].isEmpty() || h.forcedLane().get().ordinal() < forced[r].get().ordinal())) {
          forced[r] = h.forcedLane();
        }
      }
      scores[r] = Math.max(0, Math.min(1, score));
      priority[r] = settings.objective().priority(scores[r], d);
    }
    Placed[] placed = switch (policy) {
      case LanePolicy.ByCapacity c -> byCapacity(s, from, n, c, priority, forced);
      case LanePolicy.ByThresholds t -> byThresholds(s, from, n, t, priority, forced);
    };
    List<Integer> selected = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      if (placed[r].lane() != Lane.GREEN) {
        selected.add(r);
      }
    }
    List<List<Contribution>> why = explain(s, from, selected);
    List<Decision> out = new ArrayList<>(n);
    int next = 0;
    for (int r = 0; r < n; r++) {
      Declaration d = s.rows().get(from + r);
      Placed p = placed[r];
      List<Reason> reasons = new ArrayList<>();
      Optional<Lane> lane = forced[r];
      RuleHit decisiveRule = lane.isPresent()
          ? ruled[r].hits().stream().filter(h -> h.forcedLane().equals(lane)).findFirst().orElseThrow()
          : null;
      if (decisiveRule != null) {
        reasons.add(new Reason("rule:" + decisiveRule.ruleId(), decisiveRule.reason(), decisiveRule.scoreDelta(), true,
            decisiveRule.message()));
      } else {
        decisive(p, priority[r], scores[r], policy).ifPresent(reasons::add);
      }
      for (RuleHit h : ruled[r].hits()) {
        if (h != decisiveRule) {
          reasons.add(new Reason("rule:" + h.ruleId(), h.reason(), h.scoreDelta(), false, h.message()));
        }
      }
      for (Finding f : s.evidence()[from + r].findings()) {
        reasons.add(f.code().isEmpty() ? new Reason(f.kind().label(), f.text(), 0)
            : new Reason(f.kind().label(), f.text(), 0, false,
                new ReasonMessage(f.bundle(), f.code(), f.args())));
      }
      if (p.lane() != Lane.GREEN) {
        settings.objective().words(scores[r], d).ifPresent(o -> reasons.add(new Reason("objective", o.english(), 0, false,
            ReasonMessage.of(o))));
        for (Contribution c : why.get(next++)) {
          reasons.add(new Reason("model", c.text(), c.weight(), false, ReasonMessage.of(c.words())));
        }
      }
      for (RuleError e : ruled[r].errors()) {
        reasons.add(Reason.of("rule:" + e.ruleId(), ReasonMessage.of("rule.skipped", e.words()), 0, false));
      }
      out.add(new Decision(d.id(), s.model()[from + r], scores[r], p.lane(), p.randomPick(), reasons,
          ruled[r].hits(), ruled[r].errors(), bundle.id(), now, p.context()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Lane>[] forcedLanes(int n) {
    Optional<Lane>[] f = new Optional[n];
    Arrays.fill(f, Optional.empty());
    return f;
  }

  /** A lane, whether a random pick gave it, and what it was measured against. */
  private record Placed(Lane lane, boolean randomPick, DecisionContext context) {}

  private Placed[] byCapacity(Scored s, int from, int n, LanePolicy.ByCapacity policy, double[] priority,
      Optional<Lane>[] forced) {
    List<LaneAssigner.Candidate> candidates = new ArrayList<>(n);
    LocalDate date = n == 0 ? null : s.rows().get(from).date();
    for (int r = 0; r < n; r++) {
      Declaration d = s.rows().get(from + r);
      if (!d.date().equals(date)) {
        throw new IllegalArgumentException("a capacity is shared by one day's declarations: " + d.id() + " is dated "
            + d.date() + ", not " + date);
      }
      candidates.add(new LaneAssigner.Candidate(d.officeId(), priority[r], forced[r]));
    }
    List<LaneAssigner.Assignment> assigned = n == 0 ? List.of()
        : new LaneAssigner(policy.capacity(), random).assign(date, candidates);
    Placed[] out = new Placed[n];
    for (int r = 0; r < n; r++) {
      LaneAssigner.Assignment a = assigned.get(r);
      out[r] = new Placed(a.lane(), a.randomPick(), new DecisionContext(DecisionContext.Policy.CAPACITY,
          priority[r], a.rank(), a.group(), a.office(), a.redSlots(), a.yellowSlots(), a.redFrom(), a.yellowFrom(),
          s.evidence()[from + r].asOf()));
    }
    return out;
  }

  /**
   * Each declaration against the thresholds. The random draw is made only for declarations the
   * score would not send red anyway, so a random pick is always one the model would not have made.
   */
  private Placed[] byThresholds(Scored s, int from, int n, LanePolicy.ByThresholds policy, double[] priority,
      Optional<Lane>[] forced) {
    Placed[] out = new Placed[n];
    for (int r = 0; r < n; r++) {
      Declaration d = s.rows().get(from + r);
      double p = priority[r];
      Lane lane;
      boolean picked = false;
      if (forced[r].isPresent()) {
        lane = forced[r].get();
      } else if (p >= policy.red()) {
        lane = Lane.RED;
      } else if (policy.randomPercent() > 0 && random.draw(d.date(), d.id()) * 100 < policy.randomPercent()) {
        lane = Lane.RED;
        picked = true;
      } else if (p >= policy.yellow()) {
        lane = Lane.YELLOW;
      } else {
        lane = Lane.GREEN;
      }
      out[r] = new Placed(lane, picked, new DecisionContext(DecisionContext.Policy.THRESHOLDS, p, 0, 0, "", 0, 0,
          policy.red(), policy.yellow(), s.evidence()[from + r].asOf()));
    }
    return out;
  }

  /** The reason that set a lane no rule forced, if one did. */
  private Optional<Reason> decisive(Placed p, double priority, double score, LanePolicy policy) {
    DecisionContext c = p.context();
    ReasonMessage what = what(priority, score);
    if (p.randomPick()) {
      return Optional.of(Reason.of("random", ReasonMessage.of("random.pick", what), 0, true));
    }
    return switch (policy) {
      case LanePolicy.ByCapacity cap -> {
        ReasonMessage where = c.office().isEmpty() ? ReasonMessage.of("where.day")
            : ReasonMessage.of("where.office", c.office());
        ReasonMessage instead = ReasonMessage.of(p.lane() == Lane.YELLOW ? "instead.yellow" : "instead.none");
        if (p.lane() == Lane.RED) {
          yield Optional.of(Reason.of("model", ReasonMessage.of("capacity.red", what, Integer.toString(c.rank()),
              Integer.toString(c.redSlots()), where), 0, true));
        }
        if (priority >= cap.alert() && c.redSlots() == 0) {
          yield Optional.of(Reason.of("capacity", noRedSlot(cap.capacity(), c, where, what, instead), 0,
              true));
        }
        if (priority >= cap.alert()) {
          yield Optional.of(Reason.of("capacity", ReasonMessage.of("capacity.full", Integer.toString(c.rank()),
              Integer.toString(c.redSlots()), where, what, instead), 0, true));
        }
        yield p.lane() == Lane.YELLOW
            ? Optional.of(Reason.of("model", ReasonMessage.of("capacity.yellow", what, Integer.toString(c.rank()),
                Integer.toString(c.yellowSlots()), where), 0, true))
            : Optional.empty();
      }
      case LanePolicy.ByThresholds t -> switch (p.lane()) {
        case RED -> Optional.of(Reason.of("model", ReasonMessage.of("threshold.red", what, amount(t.red())), 0, true));
        case YELLOW -> Optional.of(Reason.of("model", ReasonMessage.of("threshold.yellow", what, amount(t.yellow())),
            0, true));
        case GREEN -> Optional.empty();
      };
    };
  }

  /**
   * Why a declaration worth red got no red slot when none was given by priority: either the day
   * was too small for the red share to make a whole slot (see {@link Capacity#slots}), or rules
   * and random picks took every slot there was.
   */
  private static ReasonMessage noRedSlot(Capacity capacity, DecisionContext c, ReasonMessage where,
      ReasonMessage what, ReasonMessage instead) {
    int slots = Capacity.slots(c.group(), capacity.redPercent());
    if (slots == 0) {
      return ReasonMessage.of("capacity.none", where, percent(capacity.redPercent()), c.group() == 1
          ? ReasonMessage.of("declarations.one") : ReasonMessage.of("declarations.many", Integer.toString(c.group())),
          what, instead);
    }
    return ReasonMessage.of("capacity.taken", where, slots == 1 ? ReasonMessage.of("red-slots.one")
        : ReasonMessage.of("red-slots.many", Integer.toString(slots)), what, instead);
  }

  private static String percent(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  /** What the lanes ranked by, in words. */
  private ReasonMessage what(double priority, double score) {
    String s = String.format(Locale.ROOT, "%.3f", score);
    return settings.objective() == Objective.FRAUDS ? ReasonMessage.of("what.score", s)
        : ReasonMessage.of("what.revenue", String.format(Locale.ROOT, "%,.0f", priority), s);
  }

  private String amount(double threshold) {
    return settings.objective() == Objective.FRAUDS
        ? String.format(Locale.ROOT, "%.3f", threshold) : String.format(Locale.ROOT, "%,.0f", threshold);
  }

  /** Model reasons for the selected rows only, from the fast tree-path contributions. */
  private List<List<Contribution>> explain(Scored s, int first, List<Integer> rows) {
    List<List<Contribution>> out = new ArrayList<>();
    if (rows.isEmpty() || settings.reasonsPerDecision() == 0) {
      rows.forEach(r -> out.add(List.of()));
      return out;
    }
    int w = pipeline.width();
    float[] sub = new float[rows.size() * w];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(s.x(), (first + rows.get(i)) * w, sub, i * w, w);
    }
    // rows are explained in parallel, a small block each, since each costs a walk of every tree
    List<List<List<Contribution>>> parts = IntStream.range(0, (rows.size() + EXPLAIN_BLOCK - 1) / EXPLAIN_BLOCK)
        .parallel().mapToObj(b -> {
          int from = b * EXPLAIN_BLOCK;
          int to = Math.min(rows.size(), from + EXPLAIN_BLOCK);
          float[] part = Arrays.copyOfRange(sub, from * w, to * w);
          Optional<float[][]> c = bundle.model().contributions(part, to - from, w, false);
          List<List<Contribution>> list = new ArrayList<>(to - from);
          for (int i = from; i < to; i++) {
            list.add(c.isEmpty() ? List.of()
                : Explanations.top(pipeline, s.rows().get(first + rows.get(i)), c.get()[i - from], part,
                    (i - from) * w, settings.reasonsPerDecision()));
          }
          return list;
        }).toList();
    parts.forEach(out::addAll);
    return out;
  }

  /**
   * One row's features by name, and the evidence's figures, for rules, without copying. A name
   * {@code feature.X} is the pipeline's feature {@code X}, for the category codes whose bare names
   * are the declaration's own fields ({@code office} ...).
   */
  private final class FeatureView extends AbstractMap<String, Double> {
    private static final String FEATURE = "feature.";
    private final float[] x;
    private final int offset;
    private final Map<String, Double> more;

    FeatureView(float[] x, int offset, Map<String, Double> more) {
      this.x = x;
      this.offset = offset;
      this.more = more;
    }

    @Override
    public Double get(Object key) {
      Double extra = more.get(key);
      if (extra != null) {
        return extra;
      }
      String name = String.valueOf(key);
      int i = pipeline.position(name.startsWith(FEATURE) ? name.substring(FEATURE.length()) : name);
      return i < 0 || Float.isNaN(x[offset + i]) ? null : (double) x[offset + i];
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
      Map<String, Double> copy = new java.util.LinkedHashMap<>();
      for (int i = 0; i < pipeline.width(); i++) {
        if (!Float.isNaN(x[offset + i])) {
          copy.put(pipeline.names().get(i), (double) x[offset + i]);
        }
      }
      copy.putAll(more);
      return copy.entrySet();
    }
  }
}
