package org.riskgate.neural;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.Trainer;

/**
 * Trains a {@link SequenceModel}: walks the rows once to give each its parties' earlier
 * declarations ({@link PartyHistory}, point-in-time), then trains the network as {@link Fitting}
 * trains every network. A validation period is given the history as it stood at the end of
 * training, as scoring gives it. Needs the parties' codes ({@code identities} or {@code parties}).
 */
public final class SequenceTrainer implements Trainer {
  /** Declarations kept per party, and the GRU's state width: small, so that 2 cores train it in minutes. */
  static final int LENGTH = 8;
  static final int GRU = 16;

  private final NeuralOptions options;

  public SequenceTrainer(NeuralOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return SequenceNet.KIND;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>(options.describe());
    p.put("sequence", "GRU " + GRU + " wide over each of " + PartyHistory.PARTIES + "'s latest " + LENGTH
        + " declarations of earlier days (fraud, tax at stake and unit price against this one's, same HS code, same origin)");
    p.put("layers", "embeddings + numbers + GRU states -> relu " + options.hidden() + " -> relu "
        + options.hidden() / 2 + " -> 1");
    p.put("loss", "log-loss");
    p.put("explanations", "integrated gradients from the zero input (no history), " + NeuralModel.EXACT_STEPS
        + " steps; a party's tokens explain as that party");
    p.put("engine", Torch.version());
    return p;
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    PartyHistory.Result walked = PartyHistory.walk(train, LENGTH);
    PartyHistory history = walked.history();
    Optional<Dataset> later = valid.map(v -> {
      float[] x = history.append(v.x(), 0, v.rows(), v.cols());
      java.util.List<String> names = new java.util.ArrayList<>(v.featureNames());
      names.addAll(history.names(v.featureNames()));
      return new Dataset(x, v.rows(), v.cols() + history.width(), v.labels(), names);
    });
    int cols = train.cols();
    int[] own = IntStream.range(0, cols).toArray();
    Fitting.Fitted f = Fitting.fit(walked.rows(), later, options, d -> {
      Dataset base = new Dataset(TreeAttention.subset(d.x(), 0, d.rows(), d.cols(), own), d.rows(), cols, d.labels(),
          d.featureNames().subList(0, cols));
      return SequenceNet.create(Inputs.fit(base, options.minCount()), history.partyColumns, LENGTH, GRU, options,
          Torch.manager(options.threads()));
    });
    Map<String, String> notes = new LinkedHashMap<>(f.notes());
    notes.put("parties_with_history", Integer.toString(history.parties()));
    return new TrainedModel(new SequenceModel(new NeuralModel(f.net()), history), notes);
  }
}
