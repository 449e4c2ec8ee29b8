package org.riskgate.documents.read;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;
import org.riskgate.documents.image.Rasters;

/**
 * Turns a stamp into an image an OCR engine can read: dark letters on white, the ring of a round or
 * oval stamp unwrapped into a straight line of text, border lines removed.
 */
final class RingStrip {

  /** An 8-bit grey image, row by row. */
  record Gray(byte[] pixels, int width, int height) {}

  /** Ring band, as a share of the stamp's radius: the rim text lies between its outer border and inner ring. */
  private static final double OUTER = 0.99;
  private static final double INNER = 0.58;
  /** Strip pixels per page pixel: Tesseract reads letters 30-50 px tall best. */
  private static final double OVERSAMPLE = 1.5;
  private static final int PAD = 12;

  private RingStrip() {}

  /**
   * The ring unwrapped clockwise (the reading direction of rim text) from the widest gap in its
   * ink, outer edge at the top, so letters stand upright.
   */
  static Gray unwrap(BufferedImage rgb, Box box) {
    float[] ink = ink(rgb, box);
    int bw = box.width();
    int bh = box.height();
    double cx = bw / 2.0;
    double cy = bh / 2.0;
    double rx = bw / 2.0;
    double ry = bh / 2.0;
    int bins = 360;
    double[] profile = new double[bins];
    for (int b = 0; b < bins; b++) {
      double t = 2 * Math.PI * b / bins;
      for (int k = 0; k < 12; k++) {
        double u = INNER + (OUTER - INNER) * (k + 0.5) / 12;
        profile[b] += Rasters.bilinear(ink, bw, bh, cx + u * rx * Math.cos(t) - 0.5, cy + u * ry * Math.sin(t) - 0.5);
      }
    }
    int start = 0;
    double least = Double.MAX_VALUE;
    for (int b = 0; b < bins; b++) {
      double s = 0;
      for (int d = -6; d <= 6; d++) {
        s += profile[Math.floorMod(b + d, bins)];
      }
      if (s < least) {
        least = s;
        start = b;
      }
    }
    double r = (rx + ry) / 2;
    int w = (int) Math.round(2 * Math.PI * r * (OUTER + INNER) / 2 * OVERSAMPLE);
    int h = (int) Math.round(r * (OUTER - INNER) * OVERSAMPLE);
    float[] strip = new float[w * h];
    double t0 = 2 * Math.PI * start / bins;
    for (int y = 0; y < h; y++) {
      double u = OUTER - (OUTER - INNER) * (y + 0.5) / h;
      for (int x = 0; x < w; x++) {
        double t = t0 + 2 * Math.PI * (x + 0.5) / w;
        strip[y * w + x] = Rasters.bilinear(ink, bw, bh, cx + u * rx * Math.cos(t) - 0.5, cy + u * ry * Math.sin(t) - 0.5);
      }
    }
    eraseLines(strip, w, h);
    return gray(strip, w, h);
  }

  /** A rectangular stamp's box as it is, border lines removed. */
  static Gray block(BufferedImage rgb, Box box) {
    float[] ink = ink(rgb, box);
    int w = (int) Math.round(box.width() * OVERSAMPLE);
    int h = (int) Math.round(box.height() * OVERSAMPLE);
    float[] out = Rasters.resize(ink, box.width(), box.height(), w, h);
    eraseLines(out, w, h);
    return gray(out, w, h);
  }

  /** The tight box of a reference image's ink (the stamp alone on paper). */
  static Box inkBounds(BufferedImage rgb) {
    Box all = new Box(0, 0, rgb.getWidth(), rgb.getHeight());
    float[] ink = ink(rgb, all);
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < rgb.getHeight(); y++) {
      for (int x = 0; x < rgb.getWidth(); x++) {
        if (ink[y * rgb.getWidth() + x] > 0.4f) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? all : new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }

  /** True when the ink leaves the four corners of its box empty: a round or oval stamp, not a rectangle. */
  static boolean round(BufferedImage rgb, Box box) {
    float[] ink = ink(rgb, box);
    int w = box.width();
    int h = box.height();
    int cw = Math.max(1, w / 12);
    int ch = Math.max(1, h / 12);
    int inked = 0;
    for (int y = 0; y < ch; y++) {
      for (int x = 0; x < cw; x++) {
        for (int[] c : new int[][] {{x, y}, {w - 1 - x, y}, {x, h - 1 - y}, {w - 1 - x, h - 1 - y}}) {
          inked += ink[c[1] * w + c[0]] > 0.45f ? 1 : 0;
        }
      }
    }
    return inked < 0.02 * 4 * cw * ch;
  }

  /**
   * Ink 0..1 over the box: chroma for a coloured stamp (black print under it disappears),
   * darkness otherwise, each scaled to the box's strong ink.
   */
  static float[] ink(BufferedImage rgb, Box box) {
    int[] px = Rasters.pixels(rgb);
    int w = box.width();
    int h = box.height();
    int coloured = 0;
    int dark = 0;
    int[] chroma = new int[w * h];
    int[] darkness = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int gx = Math.clamp(box.x() + x, 0, rgb.getWidth() - 1);
        int gy = Math.clamp(box.y() + y, 0, rgb.getHeight() - 1);
        int p = px[gy * rgb.getWidth() + gx];
        int c = Rasters.chroma(p);
        int d = 255 - Rasters.luma(p);
        chroma[y * w + x] = c;
        darkness[y * w + x] = d;
        coloured += c > 40 ? 1 : 0;
        dark += d > 120 && c < 25 ? 1 : 0;
      }
    }
    int[] src = coloured * 3 > dark ? chroma : darkness;
    int[] hist = new int[256];
    for (int v : src) {
      hist[Math.clamp(v, 0, 255)]++;
    }
    int floor = Rasters.percentile(hist, src.length, 0.5);
    int strong = Math.max(floor + 20, Rasters.percentile(hist, src.length, 0.98));
    float[] out = new float[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.clamp((src[i] - floor) / (float) (strong - floor), 0f, 1f);
    }
    return out;
  }

  /** Rows or columns inked along most of their length are ring or border lines, not letters. */
  private static void eraseLines(float[] m, int w, int h) {
    boolean[] row = new boolean[h];
    boolean[] col = new boolean[w];
    for (int y = 0; y < h; y++) {
      int n = 0;
      for (int x = 0; x < w; x++) {
        n += m[y * w + x] > 0.45f ? 1 : 0;
      }
      row[y] = n > w * 0.5;
    }
    for (int x = 0; x < w; x++) {
      int n = 0;
      for (int y = 0; y < h; y++) {
        n += m[y * w + x] > 0.45f ? 1 : 0;
      }
      col[x] = n > h * 0.6;
    }
    // a line's anti-aliased edges are inked rows too, just under the share
    boolean[] rowNear = new boolean[h];
    boolean[] colNear = new boolean[w];
    for (int y = 0; y < h; y++) {
      for (int d = -2; d <= 2; d++) {
        rowNear[y] |= y + d >= 0 && y + d < h && row[y + d];
      }
    }
    for (int x = 0; x < w; x++) {
      for (int d = -2; d <= 2; d++) {
        colNear[x] |= x + d >= 0 && x + d < w && col[x + d];
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (rowNear[y] || colNear[x]) {
          m[y * w + x] = 0;
        }
      }
    }
  }

  /**
   * Black letters on white, binarised (Tesseract read blurred grey strips as nothing at all) and
   * cropped to the inked columns and rows, with a white margin.
   */
  private static Gray gray(float[] ink, int w, int h) {
    int x0 = w;
    int x1 = -1;
    int y0 = h;
    int y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > 0.4f) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      x0 = 0;
      y0 = 0;
      x1 = 0;
      y1 = 0;
    }
    int cw = x1 - x0 + 1;
    int ch = y1 - y0 + 1;
    int ow = cw + 2 * PAD;
    int oh = ch + 2 * PAD;
    byte[] out = new byte[ow * oh];
    java.util.Arrays.fill(out, (byte) 255);
    for (int y = 0; y < ch; y++) {
      for (int x = 0; x < cw; x++) {
        if (ink[(y + y0) * w + x + x0] > 0.4f) {
          out[(y + PAD) * ow + x + PAD] = 0;
        }
      }
    }
    return new Gray(out, ow, oh);
  }
}
