/**
 * The clearance risk model: trainers, models, model bundles with provenance, evaluation and
 * explanations. Backends (XGBoost4J, Tribuo) are thin adapters in sub-packages; nothing outside
 * this module sees their types.
 */
package org.riskgate.risk;
