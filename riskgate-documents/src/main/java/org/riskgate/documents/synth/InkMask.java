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

  /** The tight bounds of pixels with coverage above {@code t}: {x0, y0, x1, y1} (exclusive), or null when none. */
  int[] bounds(float t) {
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (alpha[y * width + x] > t) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? null : new int[] {x0, y0, x1 + 1, y1 + 1};
  }
}
