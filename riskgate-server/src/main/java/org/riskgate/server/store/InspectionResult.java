package org.riskgate.server.store;

import java.time.Instant;
import org.riskgate.server.Refusals;

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
      throw Refusals.refused("refused.critical");
    }
    if (!fraud && critical != 0) {
      throw Refusals.refused("refused.criticalFraud");
    }
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw Refusals.refused("refused.amount");
    }
    if (note.length() > 2000) {
      throw Refusals.refused("refused.note");
    }
  }
}
