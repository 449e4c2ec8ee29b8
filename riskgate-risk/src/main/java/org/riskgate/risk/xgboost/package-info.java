/** The gradient-boosted trees adapter over XGBoost4J: the main model, with SHAP explanations. */
package org.riskgate.risk.xgboost;
