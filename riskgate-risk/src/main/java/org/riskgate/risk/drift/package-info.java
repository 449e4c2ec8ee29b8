/**
 * Drift: how far the declarations of each week have moved from the period a model was trained
 * on, per feature and for the model's score, as population stability (PSI) and Kolmogorov–Smirnov
 * distances, with an alarm when a threshold is passed.
 */
package org.riskgate.risk.drift;
