package org.riskgate.documents.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Raster helpers over packed-RGB images. */
public final class Rasters {

  private Rasters() {}

  /** The image as {@code TYPE_INT_RGB} (a copy unless it already is one). */
  public static BufferedImage toRgb(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_INT_RGB) {
      return img;
    }
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  /** The smallest luma at or below which a share {@code q} (at least one) of the {@code total} entries of a 256-bin histogram lie. */
  public static int percentile(int[] hist, int total, double q) {
    long need = (long) Math.ceil(total * q);
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += hist[v];
      if (seen >= Math.max(1, need)) {
        return v;
      }
    }
    return 255;
  }

  /** The packed pixels of a {@code TYPE_INT_RGB} image, shared, not copied. */
  public static int[] pixels(BufferedImage rgb) {
    if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected TYPE_INT_RGB, got type " + rgb.getType());
    }
    return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
  }

  /** Luminance 0..255 of a packed RGB pixel. */
  public static int luma(int p) {
    return (((p >> 16) & 255) * 77 + ((p >> 8) & 255) * 150 + (p & 255) * 29) >> 8;
  }

  /** Chroma 0..255 (max minus min channel) of a packed RGB pixel. */
  public static int chroma(int p) {
    int r = (p >> 16) & 255;
    int g = (p >> 8) & 255;
    int b = p & 255;
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
  }

  /**
   * Resamples a float map to {@code outW x outH} by area averaging (down) or bilinear (up), so
   * thin strokes survive downscaling as grey instead of vanishing.
   */
  public static float[] resize(float[] src, int w, int h, int outW, int outH) {
    float[] out = new float[outW * outH];
    double sx = (double) w / outW;
    double sy = (double) h / outH;
    for (int oy = 0; oy < outH; oy++) {
      double y0 = oy * sy;
      double y1 = y0 + sy;
      for (int ox = 0; ox < outW; ox++) {
        double x0 = ox * sx;
        double x1 = x0 + sx;
        if (sx <= 1 && sy <= 1) {
          out[oy * outW + ox] = bilinear(src, w, h, (x0 + x1) / 2 - 0.5, (y0 + y1) / 2 - 0.5);
          continue;
        }
        double sum = 0;
        double area = 0;
        for (int y = (int) y0; y < Math.min(h, (int) Math.ceil(y1)); y++) {
          double wy = Math.min(y + 1, y1) - Math.max(y, y0);
          for (int x = (int) x0; x < Math.min(w, (int) Math.ceil(x1)); x++) {
            double wx = Math.min(x + 1, x1) - Math.max(x, x0);
            sum += src[y * w + x] * wx * wy;
            area += wx * wy;
          }
        }
        out[oy * outW + ox] = area > 0 ? (float) (sum / area) : 0f;
      }
    }
    return out;
  }

  /** Bilinear sample with zero outside the map. */
  public static float bilinear(float[] src, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (float)
        (at(src, w, h, x0, y0) * (1 - fx) * (1 - fy)
            + at(src, w, h, x0 + 1, y0) * fx * (1 - fy)
            + at(src, w, h, x0, y0 + 1) * (1 - fx) * fy
            + at(src, w, h, x0 + 1, y0 + 1) * fx * fy);
  }

  private static float at(float[] src, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : src[y * w + x];
  }
}
