package org.riskgate.selectivity;

import java.util.Objects;

/**
 * One reason behind a decision, in words an analyst understands.
 *
 * @param source what produced it: {@code model}, {@code rule:<id>}, {@code random}, {@code hs},
 *     {@code documents}, {@code capacity}
 * @param text the reason in words
 * @param weight how much it pushed the score up (log-odds contribution for the model), 0 if not
 *     applicable
 */
public record Reason(String source, String text, double weight) {
  public Reason {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
