package org.riskgate.documents.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A writer's signature as pen strokes: each stroke a list of control points in letter units
 * (x grows to the right, y down, letters about one unit tall), drawn as a Catmull-Rom spline.
 *
 * @param strokes control points per stroke, each {x0, y0, x1, y1, ...}
 * @param slant shear of the writer's hand (x offset per unit up)
 * @param heightPx letter height in pixels at 300 dpi
 * @param pen pen width in pixels
 * @param ink ink colour as packed RGB
 */
public record SignatureDesign(List<double[]> strokes, double slant, double heightPx, float pen, int ink) {

  static final int[] INKS = {0x14206e, 0x1a2f9a, 0x101010, 0x20245a, 0x2b2b40};

  /** Copies the stroke list. */
  public SignatureDesign {
    strokes = List.copyOf(strokes);
  }

  /** A random writer; the same {@code rng} state gives the same writer. */
  static SignatureDesign random(Random rng) {
    List<double[]> strokes = new ArrayList<>();
    // an initial: one tall loop
    strokes.add(letterLoops(rng, 0, 1 + rng.nextInt(2), 1.6));
    // the name: a run of loops and humps, joined
    int letters = 4 + rng.nextInt(5);
    strokes.add(letterLoops(rng, 1.3, letters, 1.0));
    if (rng.nextBoolean()) {
      // a flourish under the name
      double x0 = 0.2 + rng.nextDouble();
      double len = 1.5 + letters * 0.6;
      strokes.add(new double[] {x0, 1.3, x0 + len * 0.4, 1.45 + 0.2 * rng.nextDouble(), x0 + len, 1.1 + 0.3 * rng.nextDouble()});
    }
    return new SignatureDesign(
        strokes, 0.15 + 0.35 * rng.nextDouble(), 70 + rng.nextInt(40), 3.5f + rng.nextInt(4),
        INKS[rng.nextInt(INKS.length)]);
  }

  /** Inks of {@link #varied}: navy to black, blue, a violet and a green. */
  private static final int[] VARIED_INKS = {0x14206e, 0x1b2a58, 0x1a2f9a, 0x101010, 0x2b2b40, 0x3a2a70, 0x1d4a2a};

  /** The same hand with another pen (a hair line to a marker), size and ink. */
  SignatureDesign varied(Random rng) {
    float p = (float) Math.max(1.2, pen * (0.3 + 1.2 * rng.nextDouble() * rng.nextDouble() + (rng.nextInt(8) == 0 ? 1.2 : 0)));
    return new SignatureDesign(strokes, slant, heightPx * (0.6 + 0.55 * rng.nextDouble()), p,
        VARIED_INKS[rng.nextInt(VARIED_INKS.length)]);
  }

  private static double[] letterLoops(Random rng, double x0, int letters, double tall) {
    List<Double> pts = new ArrayList<>();
    double x = x0;
    pts.add(x);
    pts.add(0.9 + 0.1 * rng.nextDouble());
    for (int i = 0; i < letters; i++) {
      double w = 0.45 + 0.45 * rng.nextDouble();
      double top = rng.nextInt(3) == 0 ? -tall * (0.6 + 0.4 * rng.nextDouble()) : 0.1 * rng.nextDouble();
      int style = rng.nextInt(3);
      if (style == 0) { // a loop: up, back, down through
        pts.add(x + w * 0.7); pts.add(top);
        pts.add(x + w * 0.2); pts.add(top + 0.25);
        pts.add(x + w * 0.6); pts.add(1.0);
      } else if (style == 1) { // a hump
        pts.add(x + w * 0.3); pts.add(top + 0.2);
        pts.add(x + w * 0.7); pts.add(0.95);
      } else { // a descender
        pts.add(x + w * 0.4); pts.add(0.3 + 0.2 * rng.nextDouble());
        pts.add(x + w * 0.5); pts.add(1.6 + 0.4 * rng.nextDouble());
        pts.add(x + w * 0.8); pts.add(0.7);
      }
      x += w;
    }
    double[] out = new double[pts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pts.get(i);
    }
    return out;
  }

  /**
   * A forger's close imitation: proportions slightly off, a few letters redrawn differently,
   * a different pen, and the slower hand's tremor added at drawing time.
   */
  SignatureDesign imitate(Random rng) {
    List<double[]> out = new ArrayList<>();
    double stretch = rng.nextBoolean() ? 1.1 + 0.08 * rng.nextDouble() : 0.9 - 0.08 * rng.nextDouble();
    for (double[] s : strokes) {
      double[] c = s.clone();
      for (int i = 0; i < c.length; i += 2) {
        c[i] = c[i] * stretch;
      }
      // redraw two or three control points noticeably
      for (int k = 0; k < 2 + rng.nextInt(2); k++) {
        int p = rng.nextInt(c.length / 2) * 2;
        c[p] += rng.nextGaussian() * 0.18;
        c[p + 1] += rng.nextGaussian() * 0.22;
      }
      out.add(c);
    }
    return new SignatureDesign(out, slant + (rng.nextBoolean() ? 0.1 : -0.1), heightPx * (0.92 + 0.16 * rng.nextDouble()),
        pen * (rng.nextBoolean() ? 1.3f : 0.75f), ink);
  }

  /**
   * Writes the signature once. {@code jitter} is the hand's natural variation in letter units
   * (about 0.03 for the writer), {@code tremor} a high-frequency wobble in pixels (0 for a fluent hand).
   */
  public InkMask render(Random rng, double jitter, double tremor, double angleDeg) {
    double sx = heightPx * (1 + 0.05 * rng.nextGaussian() * Math.min(1, jitter / 0.03));
    double sl = slant + 0.03 * rng.nextGaussian() * Math.min(1, jitter / 0.03);
    List<double[]> poly = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double cos = Math.cos(Math.toRadians(angleDeg));
    double sin = Math.sin(Math.toRadians(angleDeg));
    for (double[] s : strokes) {
      double[] c = s.clone();
      for (int i = 0; i < c.length; i++) {
        c[i] += rng.nextGaussian() * jitter;
      }
      double[] line = spline(c, 10);
      double phase = rng.nextDouble() * 10;
      for (int i = 0; i < line.length; i += 2) {
        double ux = line[i] - sl * line[i + 1];
        double uy = line[i + 1];
        double px = ux * sx;
        double py = uy * sx;
        if (tremor > 0) {
          px += tremor * Math.sin(i * 0.9 + phase);
          py += tremor * Math.cos(i * 1.3 + phase);
        }
        double rx = px * cos - py * sin;
        double ry = px * sin + py * cos;
        line[i] = rx;
        line[i + 1] = ry;
        minX = Math.min(minX, rx);
        maxX = Math.max(maxX, rx);
        minY = Math.min(minY, ry);
        maxY = Math.max(maxY, ry);
      }
      poly.add(line);
    }
    int margin = (int) Math.ceil(pen * 2) + 4;
    int w = (int) Math.ceil(maxX - minX) + 2 * margin;
    int h = (int) Math.ceil(maxY - minY) + 2 * margin;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    for (double[] line : poly) {
      int n = line.length / 2;
      for (int i = 0; i + 1 < n; i++) {
        // pressure: thinner at the ends of a stroke, as a pen lifts
        double t = (double) i / Math.max(1, n - 2);
        float width = (float) (pen * (0.55 + 0.45 * Math.sin(Math.PI * Math.min(1, t * 1.2))));
        g.setStroke(new BasicStroke(Math.max(1.2f, width), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(line[2 * i] - minX + margin, line[2 * i + 1] - minY + margin,
            line[2 * i + 2] - minX + margin, line[2 * i + 3] - minY + margin));
      }
    }
    g.dispose();
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    float[] a = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      a[i] = (px[i] & 255) / 255f;
    }
    return new InkMask(a, w, h);
  }

  /** Catmull-Rom through the control points, {@code steps} segments between each pair. */
  private static double[] spline(double[] c, int steps) {
    int n = c.length / 2;
    if (n < 2) {
      return c.clone();
    }
    double[] out = new double[((n - 1) * steps + 1) * 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      int i0 = Math.max(0, i - 1);
      int i2 = i + 1;
      int i3 = Math.min(n - 1, i + 2);
      for (int s = 0; s < steps; s++) {
        double t = (double) s / steps;
        out[k++] = cr(c[2 * i0], c[2 * i], c[2 * i2], c[2 * i3], t);
        out[k++] = cr(c[2 * i0 + 1], c[2 * i + 1], c[2 * i2 + 1], c[2 * i3 + 1], t);
      }
    }
    out[k++] = c[2 * (n - 1)];
    out[k] = c[2 * (n - 1) + 1];
    return out;
  }

  private static double cr(double p0, double p1, double p2, double p3, double t) {
    double t2 = t * t;
    double t3 = t2 * t;
    return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
  }
}
