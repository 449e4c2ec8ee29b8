package org.riskgate.hs;

import java.util.List;

/**
 * One suggested HS6 code for a description.
 *
 * @param rank 1 for the most likely code
 * @param subheading the six-digit code
 * @param heading the four-digit heading of the code
 * @param chapter the two-digit chapter of the code
 * @param description the official description of the subheading
 * @param confidence calibrated probability that this is the right HS6 code (0..1)
 * @param evidence why: matched terms, glossary entries and nearest known descriptions
 */
public record Suggestion(
    int rank,
    HsCode subheading,
    String heading,
    String chapter,
    String description,
    double confidence,
    List<String> evidence) {
  /** Copies the evidence list and checks the range of the confidence. */
  public Suggestion {
    evidence = List.copyOf(evidence);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
    }
  }
}
