package org.riskgate.risk;

import java.util.Map;
import java.util.Optional;

/** Learns a {@link RiskModel} from a labelled dataset. */
public interface Trainer {

  /** Short name shown in comparison tables, e.g. {@code xgboost}. */
  String name();

  /** Every parameter that shapes the model, for provenance. */
  Map<String, String> parameters();

  /**
   * Trains on {@code train}; {@code valid}, when present, is a later period used only to decide
   * when to stop.
   */
  TrainedModel train(Dataset train, Optional<Dataset> valid);

  /**
   * A trained model and what training found out on the way (e.g. the best number of rounds).
   */
  record TrainedModel(RiskModel model, Map<String, String> notes) {
    public TrainedModel {
      notes = Map.copyOf(notes);
    }
  }
}
