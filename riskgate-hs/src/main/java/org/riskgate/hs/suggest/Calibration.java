package org.riskgate.hs.suggest;

/**
 * Turns retrieval scores into probabilities and blends them with the history model.
 *
 * <p>Retrieval scores are divided by the best score of the query (BM25 grows with the length of the
 * description, the ratio does not) and passed through a softmax with temperature
 * {@code temperature}. The temperature was fitted by minimising the negative log-likelihood of the true HS6 code on the "blind-cal" half of the
 * evaluation set (docs/hs.md shows the grid and the reliability table that results). The
 * temperature is divided by the best candidate's coverage of the description's words, so a
 * description the knowledge barely explains gets a flat, honest distribution.
 *
 * @param temperature softmax temperature on score ratios, &gt; 0
 * @param retrievalShare weight of the retrieval distribution when a history model is present
 */
public record Calibration(double temperature, double retrievalShare) {
  /** Checks ranges. */
  public Calibration {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0");
    }
    if (!(retrievalShare >= 0 && retrievalShare <= 1)) {
      throw new IllegalArgumentException("retrievalShare must lie in [0,1]");
    }
  }

  /** The fitted defaults. */
  public static Calibration defaults() {
    return new Calibration(0.08, 0.5);
  }
}
