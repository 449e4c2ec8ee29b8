/**
 * Evaluation on generated test issuers: detection precision and recall at IoU 0.5, verification
 * ROC AUC and equal error rate per kind and per kind of forgery, and the validation run that
 * chooses the decision thresholds.
 */
package org.riskgate.documents.eval;
