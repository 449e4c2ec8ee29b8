/**
 * Turning a region into comparable numbers: ink maps normalised for position, scale and ink
 * colour; the classical method (OpenCV registration and chamfer measures, scored by a fitted
 * logistic regression) and the CNN (embeddings compared by cosine); the thresholds chosen on
 * validation issuers.
 */
package org.riskgate.documents.compare;
