package org.riskgate.core.evidence;

import java.util.Objects;

/**
 * Something a check found worth telling the analyst, whatever lane the declaration gets.
 *
 * @param kind the check that found it
 * @param text one sentence for the analyst
 */
public record Finding(EvidenceKind kind, String text) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a finding needs a text");
    }
  }
}
