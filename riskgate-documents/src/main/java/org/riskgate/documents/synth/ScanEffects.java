package org.riskgate.documents.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.riskgate.documents.image.Rasters;

/** What a scanner or copier does to a page: skew, blur, photocopy contrast, noise, JPEG artefacts. */
final class ScanEffects {

  private ScanEffects() {}

  /** Rotates the page about its centre by {@code deg}, filling with paper white. */
  static BufferedImage skew(BufferedImage page, double deg) {
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(new Color(0xf8f8f6));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(deg), page.getWidth() / 2.0, page.getHeight() / 2.0);
    g.drawImage(page, 0, 0, null);
    g.dispose();
    return out;
  }

  /** Separable box blur of radius {@code r} on each channel, in place. */
  static void blur(BufferedImage page, int r) {
    if (r <= 0) {
      return;
    }
    int w = page.getWidth();
    int h = page.getHeight();
    int[] px = Rasters.pixels(page);
    int[] tmp = new int[px.length];
    int n = 2 * r + 1;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int sr = 0;
        int sg = 0;
        int sb = 0;
        for (int k = -r; k <= r; k++) {
          int p = px[row + Math.clamp(x + k, 0, w - 1)];
          sr += (p >> 16) & 255;
          sg += (p >> 8) & 255;
          sb += p & 255;
        }
        tmp[row + x] = ((sr / n) << 16) | ((sg / n) << 8) | (sb / n);
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sr = 0;
        int sg = 0;
        int sb = 0;
        for (int k = -r; k <= r; k++) {
          int p = tmp[Math.clamp(y + k, 0, h - 1) * w + x];
          sr += (p >> 16) & 255;
          sg += (p >> 8) & 255;
          sb += p & 255;
        }
        px[y * w + x] = ((sr / n) << 16) | ((sg / n) << 8) | (sb / n);
      }
    }
  }

  /** A photocopy: colours lost, contrast pushed up. */
  static void photocopy(BufferedImage page) {
    int[] px = Rasters.pixels(page);
    for (int i = 0; i < px.length; i++) {
      int v = Math.clamp((int) ((Rasters.luma(px[i]) - 60) * 1.45), 0, 255);
      px[i] = (v << 16) | (v << 8) | v;
    }
  }

  /**
   * A scanner set lighter, or a pale toner: every tone is mapped from 0..255 onto
   * {@code blackPoint}..255, in place, so black print comes out grey and paper stays white.
   */
  static void lighten(BufferedImage page, int blackPoint) {
    int[] px = Rasters.pixels(page);
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      int r = blackPoint + ((p >> 16) & 255) * (255 - blackPoint) / 255;
      int g = blackPoint + ((p >> 8) & 255) * (255 - blackPoint) / 255;
      int b = blackPoint + (p & 255) * (255 - blackPoint) / 255;
      px[i] = (r << 16) | (g << 8) | b;
    }
  }

  /** Gaussian sensor noise of standard deviation {@code sigma}, in place. */
  static void noise(BufferedImage page, double sigma, Random rng) {
    int[] px = Rasters.pixels(page);
    for (int i = 0; i < px.length; i++) {
      int d = (int) Math.round(rng.nextGaussian() * sigma);
      int p = px[i];
      int r = Math.clamp(((p >> 16) & 255) + d, 0, 255);
      int g = Math.clamp(((p >> 8) & 255) + d, 0, 255);
      int b = Math.clamp((p & 255) + d, 0, 255);
      px[i] = (r << 16) | (g << 8) | b;
    }
  }

  /** Round-trips the page through JPEG at the given quality (0..1). */
  static BufferedImage jpeg(BufferedImage page, float quality) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(page, null, null), param);
      } finally {
        writer.dispose();
      }
      return Rasters.toRgb(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory JPEG round trip failed", e);
    }
  }
}
