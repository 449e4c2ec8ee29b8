package org.riskgate.documents;

import java.util.Objects;

/**
 * A stamp or signature found on a page.
 *
 * @param kind what the region holds
 * @param box where, in page pixels
 * @param confidence how sure the detector is, 0 to 1
 */
public record Detection(Kind kind, Box box, double confidence) {

  /** Checks the arguments. */
  public Detection {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(box, "box");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
  }
}
