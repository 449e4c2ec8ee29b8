package org.riskgate.risk;

/**
 * One feature's push on a declaration's risk.
 *
 * @param feature the feature name
 * @param text what it means for this declaration, in words
 * @param weight its SHAP contribution to the log-odds of fraud
 */
public record Contribution(String feature, String text, double weight) {}
