package org.riskgate.hs.learn;

import java.util.List;
import java.util.Map;
import org.riskgate.hs.HsCode;

/**
 * What the history model says about one description.
 *
 * @param probabilities probability per HS6 code (codes not present have ~0)
 * @param evidence per code, the nearest past descriptions that voted for it
 */
public record HistoryPrediction(Map<HsCode, Double> probabilities, Map<HsCode, List<String>> evidence) {
  /** Copies the maps. */
  public HistoryPrediction {
    probabilities = Map.copyOf(probabilities);
    evidence = Map.copyOf(evidence);
  }
}
