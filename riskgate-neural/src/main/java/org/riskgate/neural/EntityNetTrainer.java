package org.riskgate.neural;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.Trainer;

/**
 * Trains an {@link EntityNet}: a fully connected network over entity embeddings of the
 * categories, the HS code and the parties, on whatever features it is given (the parties' codes
 * need the {@code identities} feature set).
 */
public final class EntityNetTrainer implements Trainer {
  private final NeuralOptions options;

  public EntityNetTrainer(NeuralOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return EntityNet.KIND;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>(options.describe());
    p.put("layers", "embeddings + numbers -> relu " + options.hidden() + " -> relu " + options.hidden() / 2
        + " -> 1");
    p.put("loss", "log-loss");
    p.put("optimiser", "Adam with decoupled weight decay");
    p.put("explanations", "integrated gradients from the zero input, " + NeuralModel.EXACT_STEPS + " steps ("
        + NeuralModel.FAST_STEPS + " for lanes)");
    p.put("engine", Torch.version());
    return p;
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    Fitting.Fitted f = Fitting.fit(train, valid, options,
        d -> EntityNet.create(Inputs.fit(d, options.minCount()), options, Torch.manager(options.threads())));
    return new TrainedModel(new NeuralModel(f.net()), f.notes());
  }
}
