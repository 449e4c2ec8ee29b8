package org.riskgate.server.loop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.riskgate.core.Declaration;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.server.Background;
import org.riskgate.server.Json;
import org.riskgate.server.store.Database;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.ModelRecord;
import org.riskgate.server.store.ModelStore;

/**
 * Retrains a challenger from the store's recorded results, shadow-scores new declarations with
 * it beside the champion, judges it ({@link ChallengerEvaluation}) and promotes it when it is not
 * worse. Shadow scoring runs on a thread of its own, after the decision is stored, so that a
 * decision never waits for a model that decides nothing.
 */
public final class ChallengerService implements AutoCloseable {
  /** Trains a bundle on a history in which the declarations with results carry them. */
  @FunctionalInterface
  public interface Recipe {
    ModelBundle train(List<Declaration> history, Path source) throws IOException;
  }

  /** Makes a registered bundle the active one (the platform's activation, audited there). */
  @FunctionalInterface
  public interface Activation {
    void activate(String bundleId, String actor) throws IOException;
  }

  /** A promotion that was refused, with the evaluation that refused it. */
  public static final class Refused extends RuntimeException {
    private final transient Optional<ChallengerEvaluation> evaluation;

    Refused(String message, Optional<ChallengerEvaluation> evaluation) {
      super(message);
      this.evaluation = evaluation;
    }

    public Optional<ChallengerEvaluation> evaluation() {
      return evaluation;
    }
  }

  /** What {@link #status} reports. */
  public record Status(Optional<String> challenger, String champion, Optional<Instant> trainedAt, int trainedOn,
      long shadowScored) {}

  private static final System.Logger LOG = System.getLogger(ChallengerService.class.getName());

  /** The minimum of recorded results a challenger is trained from. */
  static final int MIN_RESULTS = 50;

  private final LoopStore store;
  private final DeclarationStore declarations;
  private final ModelStore models;
  private final Path modelsDir;
  private final Recipe recipe;
  private final Activation activation;
  private final AtomicReference<Optional<ModelBundle>> challenger = new AtomicReference<>(Optional.empty());
  // shadow scoring and retraining wait for no request: they take the cores requests leave
  private final ExecutorService shadowThread = Executors.newSingleThreadExecutor(Background.threads("riskgate-shadow"));
  private final java.util.concurrent.ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(Background.threads("riskgate-retrain"));
  private volatile Future<?> lastShadow = java.util.concurrent.CompletableFuture.completedFuture(null);

  /**
   * Opens the service; the challenger in shadow, if the store has one, shadow-scores again. A
   * challenger whose bundle can no longer be read is left out with a warning: the server still
   * starts, and its evaluation and promotion still answer from the store.
   */
  public ChallengerService(Database db, DeclarationStore declarations, ModelStore models, Path modelsDir, Recipe recipe,
      Activation activation) {
    this.store = new LoopStore(db);
    this.declarations = declarations;
    this.models = models;
    this.modelsDir = modelsDir;
    this.recipe = recipe;
    this.activation = activation;
    Optional<LoopStore.Challenger> c = store.current();
    if (c.isPresent()) {
      Optional<ModelRecord> m = models.find(c.get().bundleId());
      if (m.isPresent()) {
        try {
          challenger.set(Optional.of(ModelBundle.load(Path.of(m.get().bundlePath()))));
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "challenger " + m.get().id() + " cannot be read; it shadow-scores"
              + " nothing until it is retrained: " + e.getMessage());
        }
      }
    }
  }

  /** The recipe of {@code riskgate train} (the blend on all features), with these boosting options. */
  public static Recipe trainRecipe(XGBoostOptions options) {
    return (history, source) -> RiskTraining.fit(RiskTraining.prepare(history, Optional.empty()),
        new BlendTrainer(options), FeatureSet.ALL, new RiskTraining.Source(source, 0, Optional.empty()));
  }

  /**
   * Trains a challenger on every stored declaration (those with results are learned from; the rest
   * build the histories), registers it and puts it in shadow, audited.
   *
   * @throws IllegalStateException when fewer than {@value #MIN_RESULTS} results are recorded
   */
  public synchronized ModelRecord retrain(String championId, String actor) throws IOException {
    List<Declaration> history = declarations.history();
    long results = history.stream().filter(d -> d.outcome().isPresent()).count();
    if (results < MIN_RESULTS) {
      throw new IllegalStateException("only " + results + " inspection results are recorded; a challenger needs at"
          + " least " + MIN_RESULTS);
    }
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path dir = modelsDir.resolve("challenger-" + stamp);
    Files.createDirectories(dir);
    // the provenance hashes what the challenger learned from: each declaration id with its result
    StringBuilder learned = new StringBuilder("declaration_id,fraud\n");
    history.stream().filter(d -> d.outcome().isPresent())
        .forEach(d -> learned.append(d.id()).append(',').append(d.isFraud() ? 1 : 0).append('\n'));
    Path source = Files.writeString(dir.resolve("results.csv"), learned);
    ModelBundle b = recipe.train(history, source);
    b.save(dir);
    models.register(new ModelRecord(b.id(), dir.toString(), b.provenance().trainer(), Json.write(b.provenance()),
        Json.write(Map.of("shadow", "judged on the random picks it shadow-scores")), false), actor);
    store.start(new LoopStore.Challenger(b.id(), championId, LoopStore.SHADOW, actor, Instant.now(), (int) results));
    challenger.set(Optional.of(b));
    return models.find(b.id()).orElseThrow();
  }

  /**
   * Retrains a challenger {@code period} after the last retraining ended, first after one period, audited as the
   * {@code scheduler}; a retraining that fails (too few results yet) is logged and tried again
   * at the next one.
   *
   * @param champion the active bundle's id when the retraining starts
   */
  public void retrainEvery(java.time.Duration period, java.util.function.Supplier<String> champion) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the retraining period must be positive, was " + period);
    }
    schedule.scheduleWithFixedDelay(() -> {
      try {
        retrain(champion.get(), "scheduler");
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "scheduled retraining failed: " + e.getMessage());
      }
    }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Shadow-scores declarations just stored, when a challenger is in shadow: queued, never in the
   * way of the decision. Declarations dated within the challenger's training history are not
   * scored: it has seen their outcomes.
   */
  public void shadow(List<Declaration> stored) {
    Optional<ModelBundle> c = challenger.get();
    if (c.isEmpty() || stored.isEmpty()) {
      return;
    }
    lastShadow = shadowThread.submit(() -> {
      try {
        score(c.get(), stored);
      } catch (RuntimeException e) {
        // a shadow score that cannot be stored costs the challenger evidence, never a decision
        LOG.log(System.Logger.Level.WARNING, "shadow scoring of " + stored.size() + " declarations by "
            + c.get().id() + " failed", e);
        throw e;
      }
    });
  }

  private void score(ModelBundle b, List<Declaration> stored) {
    FeaturePipeline p = b.features();
    java.time.LocalDate end = p.historyUntil().orElse(java.time.LocalDate.MIN);
    List<Declaration> later = stored.stream().filter(d -> d.date().isAfter(end)).toList();
    if (later.isEmpty()) {
      return;
    }
    float[] x = new float[FeaturePipeline.matrixSize(later.size(), p.width())];
    p.describe(later, 0, later.size(), x);
    double[] s = b.model().score(x, later.size(), p.width());
    store.shadow(b.id(), later.stream().map(Declaration::id).toList(), s);
  }

  /** Waits until the shadow scores queued so far are stored. */
  public void awaitShadow() throws Exception {
    lastShadow.get();
  }

  /** The challenger in shadow and what it has scored. */
  public Status status(String championId) {
    Optional<LoopStore.Challenger> c = store.current();
    long scored = c.map(x -> (long) store.scored(championId, x.bundleId()).size()).orElse(0L);
    return new Status(c.map(LoopStore.Challenger::bundleId), championId, c.map(LoopStore.Challenger::trainedAt),
        c.map(LoopStore.Challenger::trainedOn).orElse(0), scored);
  }

  /**
   * Judges the challenger in shadow against the champion.
   *
   * @throws IllegalStateException when no challenger is in shadow
   * @throws IllegalArgumentException when there is nothing unbiased to judge on yet
   */
  public ChallengerEvaluation evaluate(String championId, double percent) {
    LoopStore.Challenger c = store.current().orElseThrow(() -> new IllegalStateException(
        "no challenger in shadow: retrain one first"));
    return ChallengerEvaluation.of(championId, c.bundleId(), store.scored(championId, c.bundleId()), percent);
  }

  /**
   * Promotes the challenger in shadow when it is not worse than the champion; a refusal is audited
   * with its reason, and the champion stays.
   *
   * @throws Refused when the evaluation finds it worse or cannot judge it yet
   */
  public synchronized ChallengerEvaluation promote(String championId, double percent, String actor)
      throws IOException {
    LoopStore.Challenger c = store.current().orElseThrow(() -> new IllegalStateException(
        "no challenger in shadow: retrain one first"));
    ChallengerEvaluation e;
    try {
      e = evaluate(championId, percent);
    } catch (IllegalArgumentException cannotJudge) {
      store.refused(c.bundleId(), actor, Json.write(Map.of("reason", cannotJudge.getMessage())));
      throw new Refused("promotion refused: " + cannotJudge.getMessage(), Optional.empty());
    }
    if (e.worse()) {
      store.refused(c.bundleId(), actor, Json.write(Map.of("reason", e.verdict(), "evaluation", e)));
      throw new Refused("promotion refused: " + e.verdict(), Optional.of(e));
    }
    activation.activate(c.bundleId(), actor);
    store.promoted(c.bundleId(), actor, Json.write(Map.of("previous", championId, "evaluation", e)));
    challenger.set(Optional.empty());
    return e;
  }

  /** Lets the shadow scores already queued reach the store (for a few seconds at most), then stops. */
  @Override
  public void close() {
    schedule.shutdownNow();
    shadowThread.shutdown();
    try {
      schedule.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      shadowThread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
