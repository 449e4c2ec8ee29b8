package org.riskgate.server.store;

import java.time.Instant;

/**
 * What an inspection found, as recorded by an officer.
 *
 * @param critical 0 none, 1 fraud, 2 critical fraud
 * @param amount tax or duty recovered, in the declaration's currency
 */
public record InspectionResult(
    String declarationId, boolean fraud, int critical, double amount, String note,
    String recordedBy, Instant recordedAt) {
  public InspectionResult {
    if (critical < 0 || critical > 2) {
      throw new IllegalArgumentException("critical must be 0, 1 or 2");
    }
    if (!fraud && critical != 0) {
      throw new IllegalArgumentException("critical fraud needs fraud found");
    }
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("amount must be a non-negative number");
    }
    if (note.length() > 2000) {
      throw new IllegalArgumentException("note is longer than 2000 characters");
    }
  }
}
