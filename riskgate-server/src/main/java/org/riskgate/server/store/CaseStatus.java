package org.riskgate.server.store;

import java.util.Locale;
import org.riskgate.server.Refusals;

/** Where a case (a red or yellow declaration) stands. */
public enum CaseStatus {
  /** Nobody works on it yet. */
  OPEN,
  /** An officer has it. */
  ASSIGNED,
  /** The goods or documents are being inspected. */
  INSPECTING,
  /** Done: a result is recorded, or it was closed without one. */
  CLOSED;

  /** Lower-case name as stored, on the API and in the UI's parameters. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status of a label.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static CaseStatus parse(String s) {
    for (CaseStatus c : values()) {
      if (c.label().equalsIgnoreCase(s.trim())) {
        return c;
      }
    }
    throw Refusals.refused("refused.status", s);
  }
}
