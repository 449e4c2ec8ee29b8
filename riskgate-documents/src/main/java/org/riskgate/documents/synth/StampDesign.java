package org.riskgate.documents.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * The design of one issuer's stamp: the rubber that every genuine impression comes from.
 *
 * @param shape outline
 * @param width outer width in pixels at 300 dpi
 * @param height outer height in pixels at 300 dpi
 * @param ringText text along the rim (round and oval) or the top line (rectangular)
 * @param centreText text in the middle
 * @param emblem 0 for none, 3..8 for a star with that many points, 9 for a shield
 * @param font font family of the texts
 * @param textSize font size of the rim text in pixels
 * @param border outer border line width in pixels
 * @param innerRatio size of the inner ring relative to the outer one
 * @param ink ink colour as packed RGB
 */
public record StampDesign(
    Shape shape,
    int width,
    int height,
    String ringText,
    String centreText,
    int emblem,
    String font,
    float textSize,
    float border,
    double innerRatio,
    int ink) {

  /** Stamp outlines. */
  public enum Shape {
    /** A circle. */
    ROUND,
    /** An ellipse wider than tall. */
    OVAL,
    /** A rectangle with a double border. */
    RECT
  }

  static final String[] FONTS = {"Serif", "SansSerif", "Monospaced", "Dialog"};
  static final int[] INKS = {0x1f3c9c, 0x2a4fd0, 0xb0202a, 0xc8302f, 0x6a2a8c, 0x1d6b3a, 0x303030, 0x0f5a7a};
  private static final String[] WORDS = {
    "MINISTRY", "CHAMBER", "COMMERCE", "CUSTOMS", "TRADE", "AUTHORITY", "EXPORT", "INDUSTRY",
    "BUREAU", "OFFICE", "CERTIFIED", "REPUBLIC", "FEDERATION", "PORT", "DISTRICT", "AGENCY"
  };
  private static final String[] CITIES = {
    "BUSAN", "INCHEON", "HAMBURG", "ROTTERDAM", "SHANGHAI", "OSAKA", "MUMBAI", "SANTOS", "DURBAN",
    "VALENCIA", "GDANSK", "IZMIR", "HAIPHONG", "CALLAO", "MOMBASA", "ANTWERP"
  };
  private static final String[] CENTRES = {"APPROVED", "CERTIFIED", "ORIGINAL", "VERIFIED", "ISSUED", "OFFICIAL"};

  /** A random design; the same {@code rng} state gives the same design. */
  static StampDesign random(Random rng, String issuerCode) {
    Shape shape = Shape.values()[rng.nextInt(3)];
    int w;
    int h;
    switch (shape) {
      case ROUND -> {
        w = 330 + rng.nextInt(110);
        h = w;
      }
      case OVAL -> {
        w = 420 + rng.nextInt(100);
        h = (int) (w * (0.58 + 0.12 * rng.nextDouble()));
      }
      case RECT -> {
        w = 440 + rng.nextInt(120);
        h = (int) (w * (0.42 + 0.14 * rng.nextDouble()));
      }
      default -> throw new AssertionError(shape);
    }
    String ring =
        WORDS[rng.nextInt(WORDS.length)] + " OF " + WORDS[rng.nextInt(WORDS.length)] + " * "
            + CITIES[rng.nextInt(CITIES.length)];
    String centre = rng.nextBoolean() ? CENTRES[rng.nextInt(CENTRES.length)] : issuerCode;
    int emblem = rng.nextInt(4) == 0 ? 0 : (rng.nextInt(3) == 0 ? 9 : 3 + rng.nextInt(6));
    return new StampDesign(
        shape, w, h, ring, centre, emblem, FONTS[rng.nextInt(FONTS.length)],
        (float) (h * (0.085 + 0.03 * rng.nextDouble())), 5f + rng.nextInt(6),
        0.62 + 0.12 * rng.nextDouble(), INKS[rng.nextInt(INKS.length)]);
  }

  /**
   * A close imitation, as a forger re-creating the stamp would make it: two or three small
   * changes among font, text size, a letter of the rim text, the inner ring and the emblem.
   */
  StampDesign imitate(Random rng) {
    StampDesign d = this;
    int changes = 2 + rng.nextInt(2);
    boolean[] done = new boolean[5];
    for (int i = 0; i < changes; i++) {
      int c = rng.nextInt(5);
      if (done[c]) {
        i--;
        continue;
      }
      done[c] = true;
      d = switch (c) {
        case 0 -> d.with(otherFont(rng), d.textSize, d.ringText, d.innerRatio, d.emblem);
        case 1 -> d.with(d.font, d.textSize * (rng.nextBoolean() ? 1.14f : 0.86f), d.ringText, d.innerRatio, d.emblem);
        case 2 -> d.with(d.font, d.textSize, swapLetter(d.ringText, rng), d.innerRatio, d.emblem);
        case 3 -> d.with(d.font, d.textSize, d.ringText, d.innerRatio + (rng.nextBoolean() ? 0.07 : -0.07), d.emblem);
        default -> d.with(d.font, d.textSize, d.ringText, d.innerRatio, otherEmblem(d.emblem));
      };
    }
    return d;
  }

  private static int otherEmblem(int emblem) {
    if (emblem == 0 || emblem == 9) {
      return 5;
    }
    return emblem >= 8 ? 9 : emblem + 1;
  }

  private String otherFont(Random rng) {
    String f;
    do {
      f = FONTS[rng.nextInt(FONTS.length)];
    } while (f.equals(font));
    return f;
  }

  private static String swapLetter(String text, Random rng) {
    char[] cs = text.toCharArray();
    for (int tries = 0; tries < 50; tries++) {
      int i = rng.nextInt(cs.length);
      if (Character.isLetter(cs[i])) {
        char c;
        do {
          c = (char) ('A' + rng.nextInt(26));
        } while (c == cs[i]);
        cs[i] = c;
        return new String(cs);
      }
    }
    return text;
  }

  /** Inks of {@link #varied}: the usual ones and orange, a brighter violet and a pale red. */
  private static final int[] VARIED_INKS = {0x1f3c9c, 0x2a4fd0, 0xb0202a, 0xd9621c, 0xe8832a, 0x7b3fb0, 0x1d6b3a, 0x303030,
      0xd24a5a};
  /** Faces of {@link #varied}, from Debian's fonts-liberation2 and fonts-wqy-microhei (CJK). */
  private static final String[] VARIED_FONTS = {"Serif", "SansSerif", "Liberation Sans Narrow", "Liberation Serif",
      "Liberation Mono", "WenQuanYi Micro Hei"};
  private static final String[] CJK_RINGS = {"海关 进出口 贸易 公司", "商工会议所 证明 专用章", "国际 物流 有限 公司", "检验 检疫 局 认证"};

  /** The same rubber cut with another ink and face; a CJK face carries CJK ring text. */
  StampDesign varied(Random rng) {
    String f = VARIED_FONTS[rng.nextInt(VARIED_FONTS.length)];
    String ring = f.startsWith("WenQuanYi") ? CJK_RINGS[rng.nextInt(CJK_RINGS.length)] + " * " + ringText.substring(ringText.lastIndexOf(' ') + 1) : ringText;
    double size = 0.8 + 0.45 * rng.nextDouble();
    return new StampDesign(shape, (int) (width * size), (int) (height * size), ring, centreText, emblem, f,
        (float) (textSize * size), border * (float) (0.5 + rng.nextDouble()), innerRatio, VARIED_INKS[rng.nextInt(VARIED_INKS.length)]);
  }

  private StampDesign with(String f, float size, String ring, double inner, int em) {
    return new StampDesign(shape, width, height, ring, centreText, em, f, size, border, inner, ink);
  }

  /**
   * Renders one impression of the stamp at an angle (degrees) and scale, into a mask just large
   * enough for the rotated stamp.
   */
  public InkMask render(double angleDeg, double scale) {
    int side = (int) Math.ceil(Math.hypot(width, height) * scale) + 8;
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.translate(side / 2.0, side / 2.0);
    g.rotate(Math.toRadians(angleDeg));
    g.scale(scale, scale);
    g.setColor(Color.WHITE);
    switch (shape) {
      case ROUND, OVAL -> drawRound(g);
      case RECT -> drawRect(g);
      default -> throw new AssertionError(shape);
    }
    g.dispose();
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    float[] a = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      a[i] = (px[i] & 255) / 255f;
    }
    return new InkMask(a, side, side);
  }

  private void drawRound(Graphics2D g) {
    double rx = width / 2.0;
    double ry = height / 2.0;
    g.setStroke(new BasicStroke(border));
    g.draw(new Ellipse2D.Double(-rx + border / 2, -ry + border / 2, 2 * rx - border, 2 * ry - border));
    double irx = rx * innerRatio;
    double iry = ry * innerRatio;
    g.setStroke(new BasicStroke(Math.max(2f, border * 0.5f)));
    g.draw(new Ellipse2D.Double(-irx, -iry, 2 * irx, 2 * iry));
    // rim text between the two rings, letters upright relative to the rim
    Font f = new Font(font, Font.BOLD, 10).deriveFont(textSize);
    g.setFont(f);
    double trx = (rx - border + irx) / 2;
    double tryy = (ry - border + iry) / 2;
    String text = ringText + " * ";
    double sweep = 2 * Math.PI * 0.92;
    for (int i = 0; i < text.length(); i++) {
      double t = -Math.PI / 2 - sweep / 2 + sweep * (i + 0.5) / text.length();
      double x = trx * Math.cos(t);
      double y = tryy * Math.sin(t);
      AffineTransform keep = g.getTransform();
      g.translate(x, y);
      g.rotate(Math.atan2(y / (tryy * tryy), x / (trx * trx)) + Math.PI / 2);
      String ch = String.valueOf(text.charAt(i));
      float cw = (float) g.getFontMetrics().getStringBounds(ch, g).getWidth();
      g.drawString(ch, -cw / 2, textSize * 0.35f);
      g.setTransform(keep);
    }
    drawEmblem(g, 0, -iry * 0.30, Math.min(irx, iry) * 0.42);
    Font cf = f.deriveFont(textSize * 0.95f);
    g.setFont(cf);
    float cw = (float) g.getFontMetrics().getStringBounds(centreText, g).getWidth();
    float scaleX = (float) Math.min(1.0, irx * 1.7 / cw);
    AffineTransform keep = g.getTransform();
    g.translate(0, iry * 0.45);
    g.scale(scaleX, 1);
    g.drawString(centreText, -cw / 2, 0);
    g.setTransform(keep);
  }

  private void drawRect(Graphics2D g) {
    double rx = width / 2.0;
    double ry = height / 2.0;
    g.setStroke(new BasicStroke(border));
    g.draw(new Rectangle2D.Double(-rx + border / 2, -ry + border / 2, 2 * rx - border, 2 * ry - border));
    double in = (1 - innerRatio) * ry * 0.5 + border;
    g.setStroke(new BasicStroke(Math.max(2f, border * 0.5f)));
    g.draw(new Rectangle2D.Double(-rx + in, -ry + in, 2 * (rx - in), 2 * (ry - in)));
    Font f = new Font(font, Font.BOLD, 10).deriveFont(textSize);
    g.setFont(f);
    float tw = (float) g.getFontMetrics().getStringBounds(ringText, g).getWidth();
    float sx = (float) Math.min(1.0, (2 * (rx - in) - 20) / tw);
    AffineTransform keep = g.getTransform();
    g.translate(0, -ry + in + textSize * 1.25);
    g.scale(sx, 1);
    g.drawString(ringText, -tw / 2, 0);
    g.setTransform(keep);
    drawEmblem(g, -rx * 0.55, ry * 0.18, Math.min(ry * 0.38, rx * 0.3));
    Font cf = f.deriveFont(textSize * 1.3f);
    g.setFont(cf);
    float cw = (float) g.getFontMetrics().getStringBounds(centreText, g).getWidth();
    float csx = (float) Math.min(1.0, rx * 1.1 / cw);
    g.translate(rx * 0.15, ry * 0.38);
    g.scale(csx, 1);
    g.drawString(centreText, -cw / 2, 0);
    g.setTransform(keep);
  }

  private void drawEmblem(Graphics2D g, double cx, double cy, double r) {
    if (emblem == 0) {
      return;
    }
    Path2D p = new Path2D.Double();
    if (emblem == 9) {
      p.moveTo(cx - r * 0.8, cy - r * 0.8);
      p.lineTo(cx + r * 0.8, cy - r * 0.8);
      p.lineTo(cx + r * 0.8, cy);
      p.quadTo(cx + r * 0.7, cy + r * 0.7, cx, cy + r);
      p.quadTo(cx - r * 0.7, cy + r * 0.7, cx - r * 0.8, cy);
      p.closePath();
      g.setStroke(new BasicStroke(Math.max(2f, border * 0.6f)));
      g.draw(p);
      g.draw(new java.awt.geom.Line2D.Double(cx, cy - r * 0.8, cx, cy + r));
      return;
    }
    star(g, cx, cy, r, emblem);
  }

  /** A filled star of {@code points} points, inner radius 0.42 of the outer (also printed logos' stars). */
  static void star(Graphics2D g, double cx, double cy, double r, int points) {
    Path2D p = new Path2D.Double();
    for (int i = 0; i < 2 * points; i++) {
      double a = -Math.PI / 2 + Math.PI * i / points;
      double rr = i % 2 == 0 ? r : r * 0.42;
      if (i == 0) {
        p.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
      } else {
        p.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
      }
    }
    p.closePath();
    g.fill(p);
  }
}
