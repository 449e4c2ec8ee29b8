package org.riskgate.risk;

import org.riskgate.core.evidence.Phrase;

/**
 * One feature's push on a declaration's risk.
 *
 * @param feature the feature name
 * @param words what it means for this declaration, in every language of the features' bundle
 * @param weight its SHAP contribution to the log-odds of fraud
 */
public record Contribution(String feature, Phrase words, double weight) {
  /** What it means for this declaration, in English. */
  public String text() {
    return words.english();
  }
}
