package org.riskgate.documents.synth;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A generated scanned page and its ground truth.
 *
 * @param image the page, RGB
 * @param claimedIssuer the issuer the document claims to come from
 * @param truths the stamps and signatures on it
 */
public record PageSample(BufferedImage image, String claimedIssuer, List<Truth> truths) {

  /** Copies the list. */
  public PageSample {
    truths = List.copyOf(truths);
  }
}
