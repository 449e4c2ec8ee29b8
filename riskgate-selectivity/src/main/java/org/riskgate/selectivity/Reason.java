package org.riskgate.selectivity;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason behind a decision, in words an analyst understands.
 *
 * @param source what produced it: {@code model}, {@code rule:<id>}, {@code random}, {@code
 *     capacity}, {@code objective}, or a check's {@link org.riskgate.core.evidence.EvidenceKind
 *     label} ({@code hs}, {@code documents}, {@code profile}, {@code network}, {@code watchlist})
 * @param text the reason in words (English)
 * @param weight how much it pushed the score up (log-odds contribution for the model, probability
 *     points for a rule), 0 if not applicable
 * @param decisive whether this reason set the lane (a rule forcing it, a random pick, the score
 *     against the capacity or threshold, the capacity being full); a decision's decisive reason
 *     comes first
 * @param message the text as a code and arguments, for other languages ({@link #text(Locale)});
 *     {@link ReasonMessage#NONE} when the text comes from elsewhere (a rule, a finding)
 */
public record Reason(String source, String text, double weight, boolean decisive, ReasonMessage message) {
  public Reason {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    // reasons stored before they had codes read back without one
    message = message == null ? ReasonMessage.NONE : message;
  }

  /** A reason without a code: its text reads the same in every language. */
  public Reason(String source, String text, double weight, boolean decisive) {
    this(source, text, weight, decisive, ReasonMessage.NONE);
  }

  /** A reason that did not set the lane by itself. */
  public Reason(String source, String text, double weight) {
    this(source, text, weight, false);
  }

  /** A reason whose text is its message in English. */
  static Reason of(String source, ReasonMessage message, double weight, boolean decisive) {
    return new Reason(source, message.english(), weight, decisive, message);
  }

  /** The text in a language: its message rendered there, or the text itself when it has no code. */
  public String text(Locale locale) {
    return message.code().isEmpty() ? text : message.render(locale);
  }
}
