package org.riskgate.documents.detect;

import java.awt.image.BufferedImage;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.image.Rasters;

/**
 * A 300 dpi page as the learned detector's network sees it: reduced {@link #REDUCTION}x (75 dpi)
 * by area averaging, in two planes, darkness and chroma, both stretched to the page's own
 * contrast (paper at 0, its darkest print at 1), so a pale scan or a light toner looks like a
 * full scan, as the ink detector stretches it.
 *
 * @param width plane width
 * @param height plane height
 * @param values darkness plane then chroma plane, row-major, each 0..1
 */
record InkPlanes(int width, int height, float[] values) {

  /** 300 dpi pixels per plane pixel. */
  static final int REDUCTION = 4;

  /** The planes of a 300 dpi page. */
  static InkPlanes of(BufferedImage page) {
    int w = page.getWidth() / REDUCTION;
    int h = page.getHeight() / REDUCTION;
    if (w < 16 || h < 16) {
      throw new DocumentInputException.EmptyPage("page is too small to hold a stamp or signature: "
          + page.getWidth() + "x" + page.getHeight());
    }
    int[] px = Rasters.pixels(Rasters.toRgb(page));
    int fullW = page.getWidth();
    int[] lum = new int[w * h];
    int[] chr = new int[w * h];
    int[] hist = new int[256];
    int n = REDUCTION * REDUCTION;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int l = 0;
        int c = 0;
        for (int dy = 0; dy < REDUCTION; dy++) {
          int row = (y * REDUCTION + dy) * fullW + x * REDUCTION;
          for (int dx = 0; dx < REDUCTION; dx++) {
            int p = px[row + dx];
            l += Rasters.luma(p);
            c += Rasters.chroma(p);
          }
        }
        lum[y * w + x] = l / n;
        chr[y * w + x] = c / n;
        hist[l / n]++;
      }
    }
    int paper = Rasters.percentile(hist, w * h, 0.90);
    int darkest = Rasters.percentile(hist, w * h, 0.0005);
    if (paper - darkest < 40) {
      throw new DocumentInputException.EmptyPage("page carries no ink (blank or a single colour)");
    }
    float gain = 1f / (paper - darkest);
    float[] v = new float[2 * w * h];
    for (int i = 0; i < w * h; i++) {
      v[i] = Math.clamp((paper - lum[i]) * gain, 0f, 1f);
      v[w * h + i] = Math.clamp(chr[i] * gain, 0f, 1f);
    }
    return new InkPlanes(w, h, v);
  }

  /**
   * Whether the plane pixel holds ink of either kind. Low, because a 1-pixel pen stroke at 300 dpi
   * covers a quarter of a 75 dpi pixel at most.
   */
  boolean inked(int x, int y) {
    int i = y * width + x;
    return values[i] >= INKED || values[width * height + i] >= INKED;
  }

  private static final float INKED = 0.15f;
}
