package org.riskgate.documents.synth;

/**
 * Ink coverage 0..1 per pixel of a rendered stamp or signature, before it is put on paper.
 *
 * @param alpha coverage, row-major
 * @param width columns
 * @param height rows
 */
public record InkMask(float[] alpha, int width, int height) {

  /** Checks the size. */
  public InkMask {
    if (alpha.length != width * height) {
      throw new IllegalArgumentException("alpha has " + alpha.length + " values for " + width + "x" + height);
    }
  }
}
