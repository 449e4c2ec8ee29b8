package org.riskgate.documents;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One detected region and the verdict of its comparison with the registered reference.
 *
 * @param detection where and what
 * @param verdict the comparison's outcome
 * @param text a stamp's text as read against the reference's
 */
public record RegionResult(Detection detection, Verdict verdict, TextCheck text) {

  /** Checks the arguments. */
  public RegionResult {
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(text, "text");
  }

  /** A region whose text was not checked (a signature, or no reference). */
  public RegionResult(Detection detection, Verdict verdict) {
    this(detection, verdict, new TextCheck.NotChecked());
  }

  /** The similarity in %, empty when there was no reference to compare with. */
  public OptionalDouble similarity() {
    return switch (verdict) {
      case Verdict.Consistent c -> OptionalDouble.of(c.similarity());
      case Verdict.Suspicious s -> OptionalDouble.of(s.similarity());
      case Verdict.NoReference n -> OptionalDouble.empty();
    };
  }
}
