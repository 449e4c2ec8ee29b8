package org.riskgate.documents.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/**
 * What a varied page prints besides its text, so that a detector learns it as background: a frame
 * (single, double or wavy), a coloured header bar, a logo or printed seal-like emblem in the
 * stamps' own inks, a grid round the goods table, rules, coloured headings, dense small print,
 * barcodes and QR-like blocks, and a boxed signing zone whose lines the signature crosses. All of
 * it is printed: even ink, crisp edges, no pressure, as a printer lays it; each element is drawn
 * at random (its own draws, from the page's furniture {@link Random}).
 */
final class PageFurniture {

  /** Printing inks: black, greys, and the stamps' colours (a printed logo can share a stamp's ink). */
  private static final int[] INKS = {0x111111, 0x333333, 0x5a5a5a, 0x1f3c9c, 0x2a4fd0, 0xb0202a, 0xd9621c, 0x7b3fb0,
      0x1d6b3a, 0x0f5a7a, 0x14206e};
  private static final String[] FACES = {"Serif", "SansSerif", "Liberation Sans", "Liberation Serif", "Liberation Mono",
      "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed"};
  private static final String[] SMALL_PRINT = {"terms", "conditions", "liability", "carrier", "goods", "delivery",
      "insurance", "payment", "within", "days", "of", "the", "and", "to", "shall", "be", "by", "any", "claims", "notice"};

  private final Random rng;
  private final int width;
  private final int height;
  private final int margin;

  PageFurniture(Random rng, int width, int height, int margin) {
    this.rng = rng;
    this.width = width;
    this.height = height;
    this.margin = margin;
  }

  /** Frame, header bar, logo, barcode or QR block: drawn before the body text. */
  void header(Graphics2D g) {
    if (rng.nextDouble() < 0.45) {
      frame(g);
    }
    if (rng.nextDouble() < 0.4) {
      g.setColor(tint(ink(), rng.nextDouble() < 0.5 ? 0 : 0.55));
      int top = 70 + rng.nextInt(60);
      g.fillRect(margin - 40, top, width - 2 * margin + 80, 60 + rng.nextInt(90));
    }
    if (rng.nextDouble() < 0.65) {
      int size = 160 + rng.nextInt(300);
      int x = rng.nextBoolean() ? width - margin - size : margin + rng.nextInt(200);
      emblem(g, x, 60 + rng.nextInt(120), size);
    }
    if (rng.nextDouble() < 0.35) {
      barcode(g, width - margin - 700 + rng.nextInt(200), 380 + rng.nextInt(200), 360 + rng.nextInt(300), 70 + rng.nextInt(120));
    }
    if (rng.nextDouble() < 0.3) {
      qr(g, width - margin - 320 + rng.nextInt(100), 420 + rng.nextInt(250), 160 + rng.nextInt(160));
    }
  }

  /** A coloured heading in place of the black title, now and then; returns whether it set one. */
  boolean colouredTitle(Graphics2D g) {
    if (rng.nextDouble() < 0.35) {
      g.setColor(new Color(INKS[3 + rng.nextInt(INKS.length - 3)]));
      g.setFont(new Font(face(), Font.BOLD, 52 + rng.nextInt(40)));
      return true;
    }
    return false;
  }

  /** A shaded band behind the goods table's heading, now and then: drawn before its text. */
  void tableHead(Graphics2D g, int top) {
    if (rng.nextDouble() < 0.35) {
      g.setColor(tint(ink(), 0.7 + 0.2 * rng.nextDouble()));
      g.fillRect(margin - 10, top, width - 2 * margin + 20, 80);
    }
  }

  /** The goods table's grid: a box, column lines and row lines, at random. */
  void table(Graphics2D g, int top, int bottom, int rowStep) {
    if (rng.nextDouble() < 0.3) {
      return;
    }
    g.setColor(new Color(rng.nextDouble() < 0.6 ? INKS[rng.nextInt(3)] : ink()));
    g.setStroke(new BasicStroke(1.5f + rng.nextInt(5)));
    g.drawRect(margin - 10, top - 10, width - 2 * margin + 20, bottom - top + 20);
    int cols = 3 + rng.nextInt(4);
    for (int c = 1; c < cols; c++) {
      int x = margin + (int) ((width - 2 * margin) * (c + 0.3 * (rng.nextDouble() - 0.5)) / cols);
      g.drawLine(x, top - 10, x, bottom + 10);
    }
    if (rng.nextBoolean()) {
      for (int y = top + 90; y < bottom; y += rowStep) {
        g.drawLine(margin - 10, y, width - margin + 10, y);
      }
    }
  }

  /** Extra rules between the parts of the page, and now and then a dense block of small print. */
  void body(Graphics2D g, int top, int bottom) {
    for (int i = rng.nextInt(3); i > 0; i--) {
      g.setColor(new Color(rng.nextDouble() < 0.5 ? INKS[rng.nextInt(3)] : ink()));
      g.setStroke(new BasicStroke(2 + rng.nextInt(11)));
      int y = top + rng.nextInt(Math.max(1, bottom - top));
      g.drawLine(margin - rng.nextInt(60), y, width - margin + rng.nextInt(60), y);
    }
    if (rng.nextDouble() < 0.4) {
      dense(g, margin, top + 20, width - 2 * margin, Math.min(260, Math.max(0, bottom - top - 40)));
    }
  }

  /** The signing zone as a table cell (box and a divider the signature may cross), then small print below it. */
  void signingZone(Graphics2D g, int lineX, int signLine) {
    if (rng.nextDouble() < 0.4) {
      g.setColor(new Color(rng.nextDouble() < 0.7 ? INKS[rng.nextInt(3)] : ink()));
      g.setStroke(new BasicStroke(1.5f + rng.nextInt(4)));
      int top = signLine - 260 - rng.nextInt(120);
      int bottom = signLine + 70 + rng.nextInt(40);
      g.drawRect(lineX - 40, top, 840, bottom - top);
      if (rng.nextBoolean()) {
        int x = lineX + 150 + rng.nextInt(450);
        g.drawLine(x, top, x, bottom);
      }
      if (rng.nextBoolean()) {
        int y = top + 40 + rng.nextInt(Math.max(1, signLine - top - 80));
        g.drawLine(lineX - 40, y, lineX + 800, y);
      }
    }
    if (rng.nextDouble() < 0.5) {
      dense(g, margin, signLine + 110, width - 2 * margin, height - signLine - 180);
    }
    if (rng.nextDouble() < 0.25) {
      qr(g, margin + rng.nextInt(300), signLine - 200 - rng.nextInt(200), 150 + rng.nextInt(120));
    }
  }

  private void frame(Graphics2D g) {
    g.setColor(new Color(ink()));
    int inset = 50 + rng.nextInt(90);
    float w = 3 + rng.nextInt(12);
    g.setStroke(new BasicStroke(w));
    g.drawRect(inset, inset, width - 2 * inset, height - 2 * inset);
    switch (rng.nextInt(3)) {
      case 0 -> {
        g.setStroke(new BasicStroke(Math.max(1.5f, w / 3)));
        int d = (int) w + 10 + rng.nextInt(20);
        g.drawRect(inset + d, inset + d, width - 2 * (inset + d), height - 2 * (inset + d));
      }
      case 1 -> {
        // a guilloche-like wave along the frame, as certificates print
        g.setStroke(new BasicStroke(2f));
        double period = 30 + rng.nextInt(40);
        double amp = 6 + rng.nextInt(10);
        int d = (int) w + 25;
        Path2D p = new Path2D.Double();
        for (double t = 0; t <= width - 2 * (inset + d); t += 4) {
          double y = inset + d + amp * Math.sin(t / period * 2 * Math.PI);
          if (t == 0) {
            p.moveTo(inset + d + t, y);
          } else {
            p.lineTo(inset + d + t, y);
          }
        }
        g.draw(p);
        g.draw(AffineTransform.getTranslateInstance(0, height - 2 * (inset + d)).createTransformedShape(p));
      }
      default -> { }
    }
  }

  /** A printed logo or seal-like emblem: discs, rings, a shield, star, initials or ring lettering. */
  private void emblem(Graphics2D g, int x, int y, int size) {
    Color c = new Color(ink());
    g.setColor(c);
    boolean filled = rng.nextBoolean();
    Font f = new Font(face(), Font.BOLD, size / 3);
    String initials = "" + (char) ('A' + rng.nextInt(26)) + (char) ('A' + rng.nextInt(26));
    switch (rng.nextInt(4)) {
      case 0 -> {
        Ellipse2D e = new Ellipse2D.Double(x, y, size, size);
        if (filled) {
          g.fill(e);
          g.setColor(Color.WHITE);
        } else {
          g.setStroke(new BasicStroke(4 + rng.nextInt(10)));
          g.draw(e);
        }
        g.setFont(f);
        g.drawString(initials, x + size / 2 - g.getFontMetrics().stringWidth(initials) / 2, y + size / 2 + size / 8);
      }
      case 1 -> {
        // a printed seal: two rings, lettering round them, a star; a tint inside, which no stamp has
        g.setColor(tint(c.getRGB(), 0.8));
        g.fill(new Ellipse2D.Double(x, y, size, size));
        g.setColor(c);
        g.setStroke(new BasicStroke(3 + rng.nextInt(4)));
        g.draw(new Ellipse2D.Double(x, y, size, size));
        g.draw(new Ellipse2D.Double(x + size * 0.17, y + size * 0.17, size * 0.66, size * 0.66));
        g.setFont(new Font(face(), Font.BOLD, Math.max(12, size / 10)));
        String text = "INTERNATIONAL TRADE ASSOCIATION ".substring(0, 12 + rng.nextInt(20));
        double cx = x + size / 2.0;
        double cy = y + size / 2.0;
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < text.length(); i++) {
          g.setTransform(saved);
          g.rotate(-Math.PI * 0.8 + i * 1.6 * Math.PI / text.length(), cx, cy);
          g.drawString(String.valueOf(text.charAt(i)), (int) cx - size / 40, (int) (cy - size * 0.37));
        }
        g.setTransform(saved);
        StampDesign.star(g, cx, cy, size * 0.22, 5);
      }
      case 2 -> {
        Path2D s = new Path2D.Double();
        s.moveTo(x, y);
        s.lineTo(x + size * 0.8, y);
        s.lineTo(x + size * 0.8, y + size * 0.55);
        s.quadTo(x + size * 0.8, y + size * 0.9, x + size * 0.4, y + size);
        s.quadTo(x, y + size * 0.9, x, y + size * 0.55);
        s.closePath();
        if (filled) {
          g.fill(s);
          g.setColor(Color.WHITE);
          StampDesign.star(g, x + size * 0.4, y + size * 0.45, size * 0.25, 5);
        } else {
          g.setStroke(new BasicStroke(5 + rng.nextInt(8)));
          g.draw(s);
          StampDesign.star(g, x + size * 0.4, y + size * 0.45, size * 0.25, 5);
        }
      }
      default -> {
        g.fill(new RoundRectangle2D.Double(x, y, size, size * 0.6, size * 0.2, size * 0.2));
        g.setColor(Color.WHITE);
        g.setFont(f);
        g.drawString(initials, x + size / 8, y + (int) (size * 0.42));
      }
    }
    // the company's name beside its logo
    g.setColor(new Color(rng.nextBoolean() ? c.getRGB() : INKS[0]));
    g.setFont(new Font(face(), Font.BOLD, 36 + rng.nextInt(30)));
    int tx = x > width / 2 ? x - 900 : x + size + 30;
    g.drawString(initials + " " + word() + " " + word().toUpperCase(), tx, y + size / 2);
  }

  private void barcode(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(new Color(INKS[rng.nextInt(2)]));
    int px = x;
    while (px < x + w) {
      int bar = 2 + rng.nextInt(9);
      g.fillRect(px, y, bar, h);
      px += bar + 2 + rng.nextInt(9);
    }
    g.setFont(new Font("Monospaced", Font.PLAIN, 26));
    g.drawString(Long.toString(100_000_000_000L + (long) (rng.nextDouble() * 899_999_999_999L)), x, y + h + 30);
  }

  /** A QR-like block: random modules with the three finder squares. */
  private void qr(Graphics2D g, int x, int y, int size) {
    g.setColor(new Color(INKS[rng.nextInt(2)]));
    int n = 21 + 4 * rng.nextInt(3);
    double m = (double) size / n;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (rng.nextBoolean()) {
          g.fillRect(x + (int) (i * m), y + (int) (j * m), (int) Math.ceil(m), (int) Math.ceil(m));
        }
      }
    }
    int[][] corners = {{0, 0}, {n - 7, 0}, {0, n - 7}};
    for (int[] c : corners) {
      int cx = x + (int) (c[0] * m);
      int cy = y + (int) (c[1] * m);
      g.setColor(Color.WHITE);
      g.fillRect(cx, cy, (int) (7 * m), (int) (7 * m));
      g.setColor(new Color(INKS[0]));
      g.fillRect(cx, cy, (int) (7 * m), (int) (7 * m));
      g.setColor(Color.WHITE);
      g.fillRect(cx + (int) m, cy + (int) m, (int) (5 * m), (int) (5 * m));
      g.setColor(new Color(INKS[0]));
      g.fillRect(cx + (int) (2 * m), cy + (int) (2 * m), (int) (3 * m), (int) (3 * m));
    }
  }

  /** Lines of small print (22-30 px), in one or two columns. */
  private void dense(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(new Color(INKS[rng.nextInt(3)]));
    int size = 22 + rng.nextInt(9);
    g.setFont(new Font(face(), Font.PLAIN, size));
    int columns = 1 + rng.nextInt(2);
    int colW = w / columns;
    for (int c = 0; c < columns; c++) {
      for (int ly = y + size; ly < y + h; ly += (int) (size * 1.25)) {
        StringBuilder sb = new StringBuilder();
        while (g.getFontMetrics().stringWidth(sb.toString()) < colW - 80) {
          sb.append(SMALL_PRINT[rng.nextInt(SMALL_PRINT.length)]).append(' ');
        }
        g.drawString(sb.toString(), x + c * colW, ly);
      }
    }
  }

  private int ink() {
    return INKS[rng.nextInt(INKS.length)];
  }

  private String face() {
    return FACES[rng.nextInt(FACES.length)];
  }

  private String word() {
    return SMALL_PRINT[rng.nextInt(SMALL_PRINT.length)];
  }

  /** The colour mixed towards white by {@code amount} (0 leaves it). */
  private static Color tint(int rgb, double amount) {
    int r = (rgb >> 16) & 255;
    int gr = (rgb >> 8) & 255;
    int b = rgb & 255;
    return new Color((int) (r + (255 - r) * amount), (int) (gr + (255 - gr) * amount), (int) (b + (255 - b) * amount));
  }
}
