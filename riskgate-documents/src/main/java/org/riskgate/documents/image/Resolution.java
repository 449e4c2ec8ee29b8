package org.riskgate.documents.image;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;

/**
 * Brings a scanned page to the working resolution, 300 dpi, at which the detector's sizes and the
 * comparison's scale are defined (references are registered as 300 dpi scans), and maps boxes
 * back to the page as it came.
 *
 * <p>A page's resolution is read from its shape: a sheet whose sides have the proportions of A4
 * (also A5, A3), US Letter or Legal is taken to be that paper, so its short side gives the dpi.
 * Image headers are not trusted for this (scanners and converters often write 72 or nothing); a
 * crop of some other shape is taken as 300 dpi, as before.
 */
public final class Resolution {

  /** The resolution detection and comparison work at. */
  public static final int WORKING_DPI = 300;

  /** Short side in millimetres and short/long ratio of the paper sizes recognised. */
  private static final double[][] PAPERS = {{210, 210 / 297.0}, {215.9, 215.9 / 279.4}, {215.9, 215.9 / 355.6}};

  /** Within this share of 300 dpi a page is used as it is: resampling would only blur it. */
  private static final double TOLERANCE = 0.04;

  private Resolution() {}

  /**
   * A page at the working resolution.
   *
   * @param page the resampled page (the input itself when no resampling was needed)
   * @param factor working pixels per input pixel
   */
  public record Normalised(BufferedImage page, double factor) {
    /** A box on the working page as a box on the input page. */
    public Box toInput(Box b) {
      if (factor == 1) {
        return b;
      }
      int x0 = (int) Math.round(b.x() / factor);
      int y0 = (int) Math.round(b.y() / factor);
      int x1 = (int) Math.round((b.x() + b.width()) / factor);
      int y1 = (int) Math.round((b.y() + b.height()) / factor);
      return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** A box on the input page as a box on the working page. */
    public Box toWork(Box b) {
      if (factor == 1) {
        return b;
      }
      int x0 = (int) Math.round(b.x() * factor);
      int y0 = (int) Math.round(b.y() * factor);
      int x1 = (int) Math.round((b.x() + b.width()) * factor);
      int y1 = (int) Math.round((b.y() + b.height()) * factor);
      return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
  }

  /** The page's resolution from its shape, or {@link #WORKING_DPI} when it is no known paper size. */
  public static double estimateDpi(int width, int height) {
    double shortSide = Math.min(width, height);
    double ratio = shortSide / Math.max(width, height);
    for (double[] paper : PAPERS) {
      if (Math.abs(ratio - paper[1]) < 0.02) {
        return shortSide / (paper[0] / 25.4);
      }
    }
    return WORKING_DPI;
  }

  /** The page at the working resolution. */
  public static Normalised normalise(BufferedImage page) {
    double factor = WORKING_DPI / estimateDpi(page.getWidth(), page.getHeight());
    if (Math.abs(factor - 1) <= TOLERANCE) {
      return new Normalised(page, 1);
    }
    int w = Math.max(1, (int) Math.round(page.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(page.getHeight() * factor));
    return new Normalised(resample(Rasters.toRgb(page), w, h), (double) w / page.getWidth());
  }

  /** The image scaled by {@code factor} (area averaging down, linear up). */
  public static BufferedImage resample(BufferedImage image, double factor) {
    if (!(factor > 0.05 && factor < 20)) {
      throw new IllegalArgumentException("resampling factor out of range: " + factor);
    }
    return resample(Rasters.toRgb(image), Math.max(1, (int) Math.round(image.getWidth() * factor)),
        Math.max(1, (int) Math.round(image.getHeight() * factor)));
  }

  /**
   * Separable resampling of an RGB image: area averaging when shrinking (thin strokes become grey,
   * not gaps), linear interpolation when enlarging.
   */
  static BufferedImage resample(BufferedImage rgb, int outW, int outH) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] src = Rasters.pixels(rgb);
    Taps tx = Taps.of(w, outW);
    Taps ty = Taps.of(h, outH);
    int[] mid = new int[outW * h];
    for (int y = 0; y < h; y++) {
      tx.apply(src, y * w, 1, mid, y * outW, 1);
    }
    BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    int[] dst = Rasters.pixels(out);
    for (int x = 0; x < outW; x++) {
      ty.apply(mid, x, outW, dst, x, outW);
    }
    return out;
  }

  /** For each output sample, the input samples and weights that make it. */
  private record Taps(int[] start, float[][] weights) {

    static Taps of(int in, int out) {
      int[] start = new int[out];
      float[][] weights = new float[out][];
      double scale = (double) in / out;
      for (int o = 0; o < out; o++) {
        if (scale > 1) {
          double a = o * scale;
          double b = a + scale;
          int s = (int) Math.floor(a);
          int e = Math.min(in, (int) Math.ceil(b));
          float[] wt = new float[e - s];
          for (int i = s; i < e; i++) {
            wt[i - s] = (float) ((Math.min(i + 1, b) - Math.max(i, a)) / scale);
          }
          start[o] = s;
          weights[o] = wt;
        } else {
          double c = (o + 0.5) * scale - 0.5;
          int s = Math.clamp((long) Math.floor(c), 0, in - 1);
          int e = Math.min(in - 1, s + 1);
          float f = (float) Math.clamp(c - s, 0, 1);
          start[o] = s;
          weights[o] = e == s ? new float[] {1f} : new float[] {1 - f, f};
        }
      }
      return new Taps(start, weights);
    }

    void apply(int[] src, int srcOff, int srcStep, int[] dst, int dstOff, int dstStep) {
      for (int o = 0; o < start.length; o++) {
        float r = 0;
        float g = 0;
        float b = 0;
        float[] wt = weights[o];
        int idx = srcOff + start[o] * srcStep;
        for (float k : wt) {
          int p = src[idx];
          r += k * ((p >> 16) & 255);
          g += k * ((p >> 8) & 255);
          b += k * (p & 255);
          idx += srcStep;
        }
        dst[dstOff + o * dstStep] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
      }
    }

    private static int clamp(float v) {
      return Math.max(0, Math.min(255, Math.round(v)));
    }
  }
}
