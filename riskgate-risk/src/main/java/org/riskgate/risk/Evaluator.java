package org.riskgate.risk;

import java.util.Comparator;
import java.util.List;
import org.riskgate.core.Declaration;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Judges a bundle on a later, labelled period. The period is described exactly as scoring
 * describes it: from the history as it stood at the end of training. Outcomes of the period
 * itself are never used to score it, and a period that overlaps training is refused.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * A bundle's figures on one period, with the per-declaration scores behind them (in date
   * order) for plots.
   *
   * @param scores probabilities of fraud
   * @param ranking what the declarations were ranked by under the objective (the metrics'
   *     top n % are the top n % of this)
   */
  public record ModelEvaluation(
      String bundleId, String trainer, Objective objective, RankingEvaluation metrics,
      double[] scores, double[] ranking, boolean[] fraud, List<Declaration> declarations) {

    /** The trainer's name, marked when the ranking was not by risk alone. */
    public String label() {
      return objective == Objective.FRAUDS ? trainer : trainer + " (" + objective.label() + ")";
    }
  }

  /** Scores every labelled declaration of a later period and computes the ranking metrics. */
  public static ModelEvaluation evaluate(ModelBundle bundle, List<Declaration> period, double... percents) {
    return evaluate(bundle, period, Objective.FRAUDS, percents);
  }

  /**
   * Like {@link #evaluate(ModelBundle, List, double...)}, with the declarations ranked as the
   * objective ranks them when lanes are assigned.
   */
  public static ModelEvaluation evaluate(ModelBundle bundle, List<Declaration> period, Objective objective,
      double... percents) {
    List<Declaration> labelled = period.stream().filter(d -> d.outcome().isPresent()).toList();
    if (labelled.isEmpty()) {
      throw new IllegalArgumentException("the evaluation data has no inspection outcomes (Fraud column)");
    }
    FeaturePipeline pipeline = bundle.features();
    java.time.LocalDate end = pipeline.historyUntil().orElseThrow();
    List<Declaration> kept = labelled.stream().sorted(Comparator.comparing(Declaration::date)).toList();
    if (!kept.get(0).date().isAfter(end)) {
      throw new IllegalArgumentException("the evaluation data starts on " + kept.get(0).date()
          + ", inside the training period (which ends " + end + "); evaluate on a later period");
    }
    float[] x = new float[kept.size() * pipeline.width()];
    for (int r = 0; r < kept.size(); r++) {
      pipeline.describe(kept.get(r), x, r * pipeline.width());
    }
    double[] scores = bundle.model().score(x, kept.size(), pipeline.width());
    boolean[] fraud = new boolean[kept.size()];
    double[] tax = new double[kept.size()];
    double[] ranking = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      fraud[i] = kept.get(i).isFraud();
      tax[i] = kept.get(i).taxAtStake();
      ranking[i] = objective.priority(scores[i], kept.get(i));
    }
    RankingEvaluation metrics = RankingMetrics.evaluate(ranking, fraud, tax,
        percents.length == 0 ? RankingMetrics.STANDARD_PERCENTS : percents);
    return new ModelEvaluation(bundle.id(), bundle.provenance().trainer(), objective, metrics, scores, ranking,
        fraud, kept);
  }
}
