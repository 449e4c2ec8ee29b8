package org.riskgate.risk.features;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * Running history of one key (an importer, an HS code, an HS code × origin ...): how often it
 * was seen, how often inspected and found fraudulent, and its unit values. Mutable, owned by one
 * {@link FeatureState}; updated only between days.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class Stats {
  long seen;
  long inspected;
  long frauds;
  long criticals;
  double sumLogUnitValue;
  double sumSqLogUnitValue;
  double sumLogPrice;
  int firstDay = Integer.MAX_VALUE;
  int lastDay = Integer.MIN_VALUE;

  void observe(int epochDay, double logUnitValue, double logPrice) {
    seen++;
    sumLogUnitValue += logUnitValue;
    sumSqLogUnitValue += logUnitValue * logUnitValue;
    sumLogPrice += logPrice;
    firstDay = Math.min(firstDay, epochDay);
    lastDay = Math.max(lastDay, epochDay);
  }

  void learn(boolean fraud, int criticalFraud) {
    inspected++;
    if (fraud) {
      frauds++;
    }
    if (criticalFraud >= 2) {
      criticals++;
    }
  }

  /** Fraud rate shrunk towards the prior: small histories say little. */
  double fraudRate(double prior, double strength) {
    return (frauds + strength * prior) / (inspected + strength);
  }

  double criticalRate(double prior, double strength) {
    return (criticals + strength * prior) / (inspected + strength);
  }

  double meanLogUnitValue() {
    return sumLogUnitValue / seen;
  }

  /** Standard deviation of log unit value, floored so one-off prices do not explode z-scores. */
  double sdLogUnitValue() {
    double mean = meanLogUnitValue();
    double var = sumSqLogUnitValue / seen - mean * mean;
    return Math.sqrt(Math.max(var, 0.0625));
  }
}
