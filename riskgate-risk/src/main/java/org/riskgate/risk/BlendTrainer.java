package org.riskgate.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.risk.xgboost.RandomForestTrainer;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * riskgate's default model: boosted trees on the declaration's own features, blended in log-odds
 * with a small forest on all features, history included. The forest brings what the boosted trees
 * could not use from the history without learning the calendar. The weights 0.6 / 0.4 and the
 * forest (50 trees of depth 8) were chosen on the internal 2020 holdout ({@code bench/main.sh
 * org.riskgate.bench.ModelSelection}: AUC 0.9088 alone, 0.9138 blended; a 100-tree forest of depth
 * 10 gave 0.9146 at two and a half times the training and scoring cost of the forest). Trained on
 * all features; each part selects its own. The blend is given a {@link Cascade} measured on the
 * training rows, so that scoring walks every boosted tree only for rows that may reach a lane.
 */
public final class BlendTrainer implements Trainer {
  private record Recipe(String name, Trainer trainer, FeatureSet set, double weight) {}

  /**
   * By default the boosted trees learn from a random sample of at most this many rows, and the
   * forest from half as many (the features of every row are still built from the whole history):
   * what two cores grow in under half an hour (docs/scale.md). The public data is far below both.
   */
  public static final int SAMPLE_ROWS = 2_000_000;

  private final List<Recipe> recipes;

  public BlendTrainer(XGBoostOptions boosted) {
    this(boosted, SAMPLE_ROWS);
  }

  /** A blend whose boosted trees learn from at most {@code sampleRows} rows, its forest from half as many. */
  public BlendTrainer(XGBoostOptions boosted, int sampleRows) {
    if (sampleRows < 2) {
      throw new IllegalArgumentException("the blend needs a sample of at least 2 rows, not " + sampleRows);
    }
    this.recipes = List.of(
        new Recipe("xgboost", new XGBoostTrainer(boosted, sampleRows), FeatureSet.DECLARATION, 0.6),
        new Recipe("random-forest", new RandomForestTrainer(50, 8, boosted.threads(), boosted.seed(), sampleRows / 2),
            FeatureSet.ALL, 0.4));
  }

  @Override
  public String name() {
    return Blend.KIND;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    for (Recipe r : recipes) {
      p.put(r.name() + ".weight", Double.toString(r.weight()));
      p.put(r.name() + ".features", r.set().label());
      r.trainer().parameters().forEach((k, v) -> p.put(r.name() + "." + k, v));
    }
    p.put("cascade.keep_share", Double.toString(Cascade.KEEP_SHARE));
    p.put("cascade.calibration_rows", Integer.toString(Cascade.CALIBRATION_ROWS));
    p.put("cascade.stage_trees", Integer.toString(Cascade.STAGE_TREES));
    p.put("cascade.bands", Integer.toString(Cascade.BANDS));
    return p;
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    List<Blend.Part> parts = new ArrayList<>();
    Map<String, String> notes = new LinkedHashMap<>();
    for (Recipe r : recipes) {
      List<String> used = r.set().of(train.featureNames());
      TrainedModel m = r.trainer().train(ColumnSubset.select(train, used), valid.map(v -> ColumnSubset.select(v, used)));
      m.notes().forEach((k, v) -> notes.put(r.name() + "." + k, v));
      RiskModel reading = used.equals(train.featureNames()) ? m.model()
          : new ColumnSubset(m.model(), train.featureNames(), used);
      parts.add(new Blend.Part(r.name(), r.trainer().name(), r.weight(), used, reading));
    }
    Optional<Cascade> cascade = Cascade.calibrate(parts, train);
    cascade.ifPresent(c -> notes.putAll(c.notes()));
    return new TrainedModel(new Blend(parts, cascade), notes);
  }
}
