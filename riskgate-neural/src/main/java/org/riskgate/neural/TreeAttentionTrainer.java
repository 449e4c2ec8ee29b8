package org.riskgate.neural;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.Trainer;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.xgboost.XGBoostModel;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.risk.xgboost.XGBoostTrainer;

/**
 * Trains a {@link TreeAttention} network: first a small boosted model on every column but the
 * parties' codes (its own early stopping on the latest 15 % of the rows it is given), whose leaves
 * become the tokens; then the network, as {@link Fitting} trains every network. Needs the {@code
 * identities} feature set: the attention's query is the importer's and the HS code's embedding.
 */
public final class TreeAttentionTrainer implements Trainer {
  /** The small booster: DATE's idea needs leaves that say something, not the best trees. */
  static final XGBoostOptions TREES = new XGBoostOptions(48, 10, 0.3, 4, 3, 0.8, 0.7, 2, 42);

  private final NeuralOptions options;

  public TreeAttentionTrainer(NeuralOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return TreeAttention.KIND;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>(options.describe());
    new XGBoostTrainer(TREES).parameters().forEach((k, v) -> p.put("trees." + k, v));
    p.put("trees.features", "every column but the parties' codes");
    p.put("attention", "query tanh([importer, HS code] W), one softmax over the trees' leaf tokens");
    p.put("heads", "fraud log-loss + " + TreeAttention.REVENUE_WEIGHT + " x squared error of fraud x log1p(tax) / 10");
    p.put("explanations", "integrated gradients from the zero input, " + NeuralModel.EXACT_STEPS + " steps; a leaf's "
        + "share split over its path's columns");
    p.put("engine", Torch.version());
    return p;
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    List<String> names = train.featureNames();
    int tax = names.indexOf("log_tax_at_stake");
    if (tax < 0) {
      throw new IllegalArgumentException("tree attention needs the log_tax_at_stake feature for its revenue head");
    }
    int[] treeColumns = IntStream.range(0, names.size()).filter(c -> !FeaturePipeline.identity(names.get(c))).toArray();
    Map<String, String> boosterNotes = new LinkedHashMap<>();
    Fitting.Fitted f = Fitting.fit(train, valid, options, d -> {
      List<String> treeNames = IntStream.of(treeColumns).mapToObj(names::get).toList();
      Dataset forTrees = new Dataset(TreeAttention.subset(d.x(), 0, d.rows(), d.cols(), treeColumns), d.rows(),
          treeColumns.length, d.labels(), treeNames);
      TrainedModel trees = new XGBoostTrainer(TREES).train(forTrees, Optional.empty());
      boosterNotes.clear();
      trees.notes().forEach((k, v) -> boosterNotes.put("trees." + k, v));
      return TreeAttention.create(Inputs.fit(d, options.minCount()), (XGBoostModel) trees.model(), treeColumns,
          d.x(), d.rows(), tax, options, Torch.manager(options.threads()), names);
    });
    Map<String, String> notes = new LinkedHashMap<>(f.notes());
    notes.putAll(boosterNotes);
    return new TrainedModel(new NeuralModel(f.net()), notes);
  }
}
