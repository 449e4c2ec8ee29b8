package org.riskgate.selectivity;

import java.util.Objects;

/**
 * One reason behind a decision, in words an analyst understands.
 *
 * @param source what produced it: {@code model}, {@code rule:<id>}, {@code random}, {@code
 *     capacity}, {@code objective}, or a check's {@link org.riskgate.core.evidence.EvidenceKind
 *     label} ({@code hs}, {@code documents}, {@code profile}, {@code network}, {@code watchlist})
 * @param text the reason in words
 * @param weight how much it pushed the score up (log-odds contribution for the model, probability
 *     points for a rule), 0 if not applicable
 * @param decisive whether this reason set the lane (a rule forcing it, a random pick, the score
 *     against the capacity or threshold, the capacity being full); a decision's decisive reason
 *     comes first
 */
public record Reason(String source, String text, double weight, boolean decisive) {
  public Reason {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }

  /** A reason that did not set the lane by itself. */
  public Reason(String source, String text, double weight) {
    this(source, text, weight, false);
  }
}
