/**
 * Evaluation kept apart from the models: top-k accuracy at HS6, HS4 and HS2 per language and
 * split, calibration of the top-1 confidence, and precision/recall of the declaration checks.
 */
package org.riskgate.hs.eval;
