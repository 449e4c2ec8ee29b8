package org.riskgate.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Running history of one key (an importer, an HS code, an HS code × origin ...): how often it
 * was seen, how often inspected and found fraudulent, and its unit values. Mutable, owned by one
 * {@link FeatureState}; updated only between days.
 */
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

  /** How many values {@link #values} writes. */
  static final int VALUES = 8;
  static final int LOG_SEEN = 0;
  static final int FRAUD_RATE = 1;
  static final int CRITICAL_RATE = 2;
  static final int FIRST_DAY = 3;
  static final int LAST_DAY = 4;
  /** Mean and spread of log unit value; NaN below two observations, where a spread means nothing. */
  static final int MEAN_LOG_UNIT_VALUE = 5;
  static final int SD_LOG_UNIT_VALUE = 6;
  static final int MEAN_LOG_PRICE = 7;

  /** Writes what features read of this history into {@code out[at .. at + VALUES)}. */
  void values(double prior, double criticalPrior, double[] out, int at) {
    out[at + LOG_SEEN] = Math.log1p(seen);
    out[at + FRAUD_RATE] = fraudRate(prior, FeaturePipeline.SHRINKAGE);
    out[at + CRITICAL_RATE] = criticalRate(criticalPrior, FeaturePipeline.SHRINKAGE);
    out[at + FIRST_DAY] = firstDay;
    out[at + LAST_DAY] = lastDay;
    out[at + MEAN_LOG_UNIT_VALUE] = seen < 2 ? Double.NaN : meanLogUnitValue();
    out[at + SD_LOG_UNIT_VALUE] = seen < 2 ? Double.NaN : sdLogUnitValue();
    out[at + MEAN_LOG_PRICE] = sumLogPrice / seen;
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

  void write(DataOutput out) throws IOException {
    out.writeLong(seen);
    out.writeLong(inspected);
    out.writeLong(frauds);
    out.writeLong(criticals);
    out.writeDouble(sumLogUnitValue);
    out.writeDouble(sumSqLogUnitValue);
    out.writeDouble(sumLogPrice);
    out.writeInt(firstDay);
    out.writeInt(lastDay);
  }

  static Stats read(DataInput in) throws IOException {
    Stats s = new Stats();
    s.seen = in.readLong();
    s.inspected = in.readLong();
    s.frauds = in.readLong();
    s.criticals = in.readLong();
    s.sumLogUnitValue = in.readDouble();
    s.sumSqLogUnitValue = in.readDouble();
    s.sumLogPrice = in.readDouble();
    s.firstDay = in.readInt();
    s.lastDay = in.readInt();
    return s;
  }
}
