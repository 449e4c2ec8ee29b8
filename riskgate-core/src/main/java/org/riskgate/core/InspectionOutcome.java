package org.riskgate.core;

/**
 * What a physical or documentary inspection found.
 *
 * @param fraud whether any fraud was found
 * @param criticalFraud severity as in the Korean dataset: 0 none, 1 fraud, 2 critical fraud
 */
public record InspectionOutcome(boolean fraud, int criticalFraud) {
  public InspectionOutcome {
    if (criticalFraud < 0 || criticalFraud > 2) {
      throw new IllegalArgumentException("critical fraud must be 0, 1 or 2, was " + criticalFraud);
    }
  }
}
