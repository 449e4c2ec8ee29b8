package org.riskgate.hs.learn;

import java.util.List;
import java.util.Map;
import org.riskgate.hs.HsCode;

/**
 * What the history model says about one description.
 *
 * @param probabilities probability per HS6 code (codes not present have ~0)
 * @param evidence per code, the nearest past descriptions that voted for it
 * @param strength how much of the description the history explains, 0..1: the squared share of
 *     its terms found in the nearest past description. A history of other goods says little
 *     about new goods, and the blend must hear it accordingly
 */
public record HistoryPrediction(
    Map<HsCode, Double> probabilities, Map<HsCode, List<String>> evidence, double strength) {
  /** Copies the maps and checks the strength's range. */
  public HistoryPrediction {
    probabilities = Map.copyOf(probabilities);
    evidence = Map.copyOf(evidence);
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must lie in [0,1]: " + strength);
    }
  }
}
