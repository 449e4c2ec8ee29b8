package org.riskgate.documents.foreign;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;

/**
 * A second page generator, written apart from {@code org.riskgate.documents.synth} and never used
 * for training or for choosing anything: it exists only to measure how the detector and the
 * comparison hold up on pages riskgate's own generator did not make.
 *
 * <p>Nothing is shared with the training generator but the API's {@link Box} and {@link Kind}:
 * other fonts (GNU FreeFont, from Debian's {@code fonts-freefont-ttf}, which the training
 * generator never loads), other layouts (invoices with a ruled grid, certificates with a framed
 * border), other stamp drawing (glyph outlines laid along the ring one by one, a date line, a
 * five-pointed star), signatures as sums of sines with an underline flourish drawn as a Bézier
 * curve, ink laid by interpolation towards the ink colour under a pressure field of random
 * blobs, and its own scanner (box blur, Gaussian noise, toner specks, JPEG). Pages are A4 at any
 * resolution, 150 dpi unless asked otherwise; references are made at 300 dpi, as a registry
 * scans them.
 */
public final class ForeignPages {

  /** How an item on a page relates to the issuer the document claims. */
  public enum Provenance {
    /** The issuer's own stamp or signer. */
    GENUINE,
    /** A stamp whose ring text has one letter changed and is set in another font; a wobbly copy of the signature. */
    IMITATION,
    /** Another issuer's stamp or signature. */
    OTHER_ISSUER
  }

  /** What was put on a page. */
  public record Item(Kind kind, Box box, Provenance provenance) {}

  /** A page and its truth. */
  public record Page(BufferedImage image, String issuer, List<Item> items) {
    /** Copies the list. */
    public Page {
      items = List.copyOf(items);
    }
  }

  /** A foreign issuer: a stamp and a signer. */
  public record ForeignIssuer(String id, StampSpec stamp, Hand hand) {}

  /**
   * A stamp's rubber.
   *
   * @param round round (else rectangular)
   * @param sizeMm diameter, or width of a rectangle
   * @param heightMm a rectangle's height
   * @param ring ring text (round) or first line (rectangular)
   * @param lines inner lines
   * @param star a five-pointed star in the centre (round only)
   * @param fontFile the FreeFont face
   * @param ink packed RGB
   */
  public record StampSpec(boolean round, double sizeMm, double heightMm, String ring, List<String> lines, boolean star,
      String fontFile, int ink) {}

  /**
   * A signer's hand: words as sums of sines.
   *
   * @param words per word: letters, base period, amplitudes and phases
   * @param heightMm letter height
   * @param penMm pen width
   * @param slant shear, x per y
   * @param flourish underline flourish parameters
   */
  public record Hand(List<double[]> words, double heightMm, double penMm, double slant, double[] flourish) {}

  private static final String FONT_DIR = "/usr/share/fonts/truetype/freefont/";
  private static final String[] STAMP_FONTS = {"FreeSansBold.ttf", "FreeSerifBold.ttf"};
  private static final int[] STAMP_INKS = {0xc0262d, 0x2346b8, 0x6b3fa0, 0xe0701a};
  private static final int NAVY = 0x1c2550;
  private static final String[] SYLLABLES = {"NOR", "VIK", "AL", "TEM", "BRA", "SOL", "KAR", "MEN", "DO", "RIS", "LUN", "TA",
      "GOR", "ES", "VAN", "PEL"};
  private static final String[] BODIES = {"CHAMBER OF COMMERCE", "EXPORT BOARD", "TRADING COMPANY", "INSPECTION OFFICE",
      "CUSTOMS BROKERS", "QUALITY INSTITUTE", "MANUFACTURING CO", "FREIGHT AGENCY"};
  private static final String[] TEXT = {"article", "quantity", "unit", "price", "total", "lot", "batch", "delivered",
      "according", "contract", "hereby", "certify", "goods", "described", "below", "originate", "from", "territory",
      "packed", "cartons", "pallets", "gross", "mass", "kilograms", "analysis", "conforms", "standard", "sample",
      "purchaser", "seller", "bank", "account", "payment", "days", "shipment", "March", "Limited"};

  private final List<ForeignIssuer> issuers;
  private final java.util.Map<String, Font> fonts = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code count} issuers drawn from {@code seed}. */
  public ForeignPages(long seed, int count) {
    Random rng = new Random(seed ^ 0x5DEECE66DL * 31);
    List<ForeignIssuer> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new ForeignIssuer(String.format(Locale.ROOT, "FX-%02d", i), stampSpec(rng), hand(rng)));
    }
    issuers = List.copyOf(list);
  }

  /** The issuers. */
  public List<ForeignIssuer> issuers() {
    return issuers;
  }

  private static StampSpec stampSpec(Random rng) {
    String name = SYLLABLES[rng.nextInt(SYLLABLES.length)] + SYLLABLES[rng.nextInt(SYLLABLES.length)]
        + (rng.nextBoolean() ? SYLLABLES[rng.nextInt(SYLLABLES.length)] : "");
    String body = BODIES[rng.nextInt(BODIES.length)];
    boolean round = rng.nextBoolean();
    int ink = STAMP_INKS[rng.nextInt(STAMP_INKS.length)];
    String font = STAMP_FONTS[rng.nextInt(STAMP_FONTS.length)];
    String reg = "REG " + (1000 + rng.nextInt(9000));
    if (round) {
      return new StampSpec(true, 36 + rng.nextInt(9), 0, name + " " + body + " *", List.of(reg), rng.nextBoolean(), font, ink);
    }
    return new StampSpec(false, 52 + rng.nextInt(14), 20 + rng.nextInt(8), name + " " + body,
        List.of(reg, "DATE ____________"), false, font, ink);
  }

  private static Hand hand(Random rng) {
    List<double[]> words = new ArrayList<>();
    int n = 1 + rng.nextInt(2);
    for (int w = 0; w < n; w++) {
      int letters = 3 + rng.nextInt(6);
      // letters, period, x wobble, y amplitude, ratio, phase, capital size
      words.add(new double[] {letters, 0.8 + 0.4 * rng.nextDouble(), 0.15 + 0.25 * rng.nextDouble(),
          0.35 + 0.2 * rng.nextDouble(), 1.6 + 0.9 * rng.nextDouble(), rng.nextDouble() * 6.28, 1.2 + 0.8 * rng.nextDouble(),
          rng.nextLong()});
    }
    double[] flourish = {0.6 + 0.5 * rng.nextDouble(), 0.25 + 0.3 * rng.nextDouble(), rng.nextDouble() < 0.5 ? 1 : -1};
    return new Hand(words, 4.5 + 2.5 * rng.nextDouble(), 0.22 + 0.12 * rng.nextDouble(), 0.15 + 0.35 * rng.nextDouble(),
        flourish);
  }

  /**
   * One scanned page claimed for {@code claimed}: its stamp and signature with the given
   * provenance each ({@code null} leaves one off).
   */
  public Page page(ForeignIssuer claimed, Provenance stamp, Provenance signature, int dpi, Random rng) {
    double px = dpi / 25.4;
    int w = (int) Math.round(210 * px);
    int h = (int) Math.round(297 * px);
    BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int tone = 238 + rng.nextInt(14);
    int[] data = ((DataBufferInt) page.getRaster().getDataBuffer()).getData();
    java.util.Arrays.fill(data, (tone << 16) | ((tone - rng.nextInt(3)) << 8) | (tone - 2 - rng.nextInt(5)));
    double skew = Math.toRadians((rng.nextDouble() * 2 - 1) * 1.2);
    AffineTransform sheet = AffineTransform.getRotateInstance(skew, w / 2.0, h / 2.0);
    sheet.scale(px, px); // drawing in millimetres from here on
    Graphics2D g = page.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.transform(sheet);
    boolean certificate = rng.nextBoolean();
    double signY = certificate ? certificate(g, rng) : invoice(g, rng);
    g.dispose();

    List<Item> items = new ArrayList<>();
    double sigX = 110 + rng.nextDouble() * 25;
    if (signature != null) {
      ForeignIssuer src = signature == Provenance.OTHER_ISSUER ? other(claimed, rng) : claimed;
      boolean wobbly = signature == Provenance.IMITATION;
      Hand hand = src.hand();
      AffineTransform at = new AffineTransform(sheet);
      at.translate(sigX, signY - 2);
      at.rotate(Math.toRadians(rng.nextGaussian() * 2));
      at.scale(1 + 0.03 * rng.nextGaussian(), 1 + 0.03 * rng.nextGaussian());
      Shape ink = new BasicStroke((float) (hand.penMm() * (wobbly ? 1.25 : 1.0)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
          .createStrokedShape(signaturePath(hand, rng, wobbly ? 0.07 : 0.012, wobbly ? 0.012 : 0));
      Box b = lay(page, at.createTransformedShape(ink), NAVY, 0.92 + 0.06 * rng.nextDouble(), rng, false);
      if (b != null) {
        items.add(new Item(Kind.SIGNATURE, b, signature));
      }
    }
    if (stamp != null) {
      ForeignIssuer src = stamp == Provenance.OTHER_ISSUER ? other(claimed, rng) : claimed;
      StampSpec spec = stamp == Provenance.IMITATION ? imitate(claimed.stamp(), rng) : src.stamp();
      // over the signature's left end, beside it, or well apart on the left
      double cx = switch (rng.nextInt(3)) {
        case 0 -> sigX - spec.sizeMm() * 0.25;
        case 1 -> sigX - spec.sizeMm() * 0.6 - 2;
        default -> 25 + spec.sizeMm() / 2 + rng.nextDouble() * 20;
      };
      double cy = signY - 8 + rng.nextDouble() * 10;
      AffineTransform at = new AffineTransform(sheet);
      at.translate(cx, cy);
      at.rotate(Math.toRadians((rng.nextDouble() * 2 - 1) * (spec.round() ? 25 : 6)));
      Box b = lay(page, at.createTransformedShape(stampShape(spec)), spec.ink(), 0.75 + 0.2 * rng.nextDouble(), rng, true);
      if (b != null) {
        items.add(new Item(Kind.STAMP, b, stamp));
      }
    }
    return new Page(scan(page, dpi, rng), claimed.id(), items);
  }

  /** A reference impression on blank paper at 300 dpi, as an issuer registers it. */
  public BufferedImage reference(ForeignIssuer issuer, Kind kind, Random rng) {
    double px = 300 / 25.4;
    double wMm = kind == Kind.STAMP ? issuer.stamp().sizeMm() + 10 : 90;
    double hMm = kind == Kind.STAMP ? (issuer.stamp().round() ? issuer.stamp().sizeMm() : issuer.stamp().heightMm()) + 10 : 40;
    BufferedImage img = new BufferedImage((int) (wMm * px), (int) (hMm * px), BufferedImage.TYPE_INT_RGB);
    java.util.Arrays.fill(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0xf8f8f6);
    AffineTransform at = AffineTransform.getScaleInstance(px, px);
    Shape ink;
    int colour;
    if (kind == Kind.STAMP) {
      at.translate(wMm / 2, hMm / 2);
      ink = stampShape(issuer.stamp());
      colour = issuer.stamp().ink();
    } else {
      at.translate(8, hMm * 0.55);
      ink = new BasicStroke((float) issuer.hand().penMm(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
          .createStrokedShape(signaturePath(issuer.hand(), rng, 0.012, 0));
      colour = NAVY;
    }
    lay(img, at.createTransformedShape(ink), colour, 0.95, new Random(rng.nextLong()), false);
    return img;
  }

  private ForeignIssuer other(ForeignIssuer claimed, Random rng) {
    ForeignIssuer o;
    do {
      o = issuers.get(rng.nextInt(issuers.size()));
    } while (o.id().equals(claimed.id()));
    return o;
  }

  /** One letter of the ring text (or first line) changed, the text set in the other face. */
  static StampSpec imitate(StampSpec s, Random rng) {
    char[] t = s.ring().toCharArray();
    int i;
    do {
      i = rng.nextInt(t.length);
    } while (!Character.isLetter(t[i]));
    char c;
    do {
      c = (char) ('A' + rng.nextInt(26));
    } while (c == t[i]);
    t[i] = c;
    String font = s.fontFile().equals(STAMP_FONTS[0]) ? STAMP_FONTS[1] : STAMP_FONTS[0];
    return new StampSpec(s.round(), s.sizeMm(), s.heightMm(), new String(t), s.lines(), s.star(), font, s.ink());
  }

  private Font font(String file, double sizeMm) {
    Font base = fonts.computeIfAbsent(file, f -> {
      Path p = Path.of(FONT_DIR, f);
      if (!Files.isReadable(p)) {
        throw new IllegalStateException("the foreign generator needs GNU FreeFont (apt-get install fonts-freefont-ttf): " + p);
      }
      try {
        return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("cannot load " + p, e);
      }
    });
    return base.deriveFont((float) sizeMm);
  }

  /** The stamp's ink as one shape in millimetres, centred on the origin. */
  private Shape stampShape(StampSpec s) {
    Path2D.Double all = new Path2D.Double();
    FontRenderContext frc = new FontRenderContext(null, true, true);
    if (s.round()) {
      double r = s.sizeMm() / 2;
      all.append(new BasicStroke(0.9f).createStrokedShape(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r)), false);
      double ri = r * 0.68;
      all.append(new BasicStroke(0.45f).createStrokedShape(new Ellipse2D.Double(-ri, -ri, 2 * ri, 2 * ri)), false);
      Font f = font(s.fontFile(), r * 0.2);
      GlyphVector gv = f.createGlyphVector(frc, s.ring());
      double textR = r * 0.82;
      double total = gv.getLogicalBounds().getWidth();
      double span = Math.min(total / textR, Math.toRadians(330));
      double scale = span * textR / total;
      double start = -Math.PI / 2 - span / 2;
      for (int i = 0; i < gv.getNumGlyphs(); i++) {
        Shape glyph = gv.getGlyphOutline(i);
        double gx = gv.getGlyphPosition(i).getX();
        double adv = gv.getGlyphMetrics(i).getAdvance();
        double theta = start + (gx + adv / 2) * scale / textR;
        AffineTransform t = new AffineTransform();
        t.rotate(theta + Math.PI / 2);
        t.translate(0, -textR + f.getSize2D() * 0.35);
        t.scale(scale, 1);
        t.translate(-gx - adv / 2, 0);
        all.append(t.createTransformedShape(glyph), false);
      }
      if (s.star()) {
        all.append(star(r * 0.2, r * 0.08, -r * 0.2), false);
        appendCentred(all, font(s.fontFile(), r * 0.17), s.lines().getFirst(), r * 0.3, frc);
      } else {
        appendCentred(all, font(s.fontFile(), r * 0.19), s.lines().getFirst(), r * 0.07, frc);
      }
    } else {
      double w = s.sizeMm();
      double h = s.heightMm();
      all.append(new BasicStroke(0.8f).createStrokedShape(new Rectangle2D.Double(-w / 2, -h / 2, w, h)), false);
      all.append(new BasicStroke(0.35f).createStrokedShape(new Rectangle2D.Double(-w / 2 + 1.3, -h / 2 + 1.3, w - 2.6, h - 2.6)), false);
      Font f = font(s.fontFile(), h * 0.2);
      Rectangle2D lb = f.createGlyphVector(frc, s.ring()).getLogicalBounds();
      double fit = Math.min(1, (w - 6) / lb.getWidth());
      Shape first = f.deriveFont(AffineTransform.getScaleInstance(fit, 1)).createGlyphVector(frc, s.ring()).getOutline();
      Rectangle2D fb = first.getBounds2D();
      all.append(AffineTransform.getTranslateInstance(-fb.getCenterX(), -h * 0.17).createTransformedShape(first), false);
      appendCentred(all, font(s.fontFile(), h * 0.16), s.lines().get(0), h * 0.12, frc);
      appendCentred(all, font(s.fontFile(), h * 0.14), s.lines().get(1), h * 0.36, frc);
    }
    return all;
  }

  private static void appendCentred(Path2D.Double all, Font f, String text, double baseline, FontRenderContext frc) {
    Shape o = f.createGlyphVector(frc, text).getOutline();
    all.append(AffineTransform.getTranslateInstance(-o.getBounds2D().getCenterX(), baseline).createTransformedShape(o), false);
  }

  private static Shape star(double outer, double inner, double cy) {
    GeneralPath p = new GeneralPath();
    for (int k = 0; k < 10; k++) {
      double a = -Math.PI / 2 + k * Math.PI / 5;
      double r = k % 2 == 0 ? outer : inner;
      if (k == 0) {
        p.moveTo(r * Math.cos(a), cy + r * Math.sin(a));
      } else {
        p.lineTo(r * Math.cos(a), cy + r * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  /**
   * The pen's path in millimetres, baseline at y = 0. {@code drift} is a slow hand's wander (in
   * letter heights), {@code shake} a fast tremor; a genuine signing has a little drift only.
   */
  private static Path2D signaturePath(Hand hand, Random rng, double drift, double shake) {
    double hgt = hand.heightMm();
    Path2D.Double path = new Path2D.Double();
    double x = 0;
    double[] dp = {rng.nextDouble() * 6.28, rng.nextDouble() * 6.28, 0.6 + rng.nextDouble() * 0.5};
    for (double[] wd : hand.words()) {
      int letters = (int) wd[0];
      double period = wd[1] * hgt * 0.55;
      Random shape = new Random((long) wd[7]);
      double[] amp = new double[letters + 2];
      for (int i = 0; i < amp.length; i++) {
        amp[i] = (0.55 + 0.45 * shape.nextDouble()) * (i == 0 ? wd[6] : 1);
      }
      int steps = letters * 24;
      boolean first = true;
      for (int k = 0; k <= steps; k++) {
        double t = (double) k / 24; // in letters
        int li = Math.min(letters, (int) t);
        double frac = t - li;
        double a = amp[li] + (amp[li + 1] - amp[li]) * frac;
        double yy = -Math.abs(Math.sin(Math.PI * t)) * a * hgt * (0.8 + wd[3] * Math.sin(wd[4] * t + wd[5]));
        double xx = x + t * period - wd[2] * hgt * Math.sin(2 * Math.PI * t + wd[5]);
        xx += drift * hgt * Math.sin(dp[2] * xx / hgt + dp[0]) + shake * hgt * rng.nextGaussian();
        yy += drift * hgt * Math.sin(0.8 * dp[2] * xx / hgt + dp[1]) + shake * hgt * rng.nextGaussian();
        xx -= hand.slant() * yy;
        if (first) {
          path.moveTo(xx, yy);
          first = false;
        } else {
          path.lineTo(xx, yy);
        }
      }
      x += letters * period + hgt * 0.9;
    }
    double[] f = hand.flourish();
    double end = x - hgt * 0.9;
    double y0 = hgt * 0.25;
    path.moveTo(end, -hgt * 0.1);
    path.curveTo(end + hgt * f[1] * 3, y0 + hgt * 0.4, end * 0.5, y0 + hgt * f[1] * f[2],
        -hgt * 0.3 + drift * hgt * Math.sin(dp[0]), y0 + hgt * (0.2 + 0.2 * f[0]));
    return path;
  }

  /**
   * Lays ink of the given colour where the shape (in page pixels) covers the page: each pixel moves
   * towards the ink by its coverage times a pressure field. Returns the tight box of the pixels
   * that took more than a third of the ink, or null when none did.
   */
  private static Box lay(BufferedImage page, Shape ink, int colour, double strength, Random rng, boolean stamp) {
    Rectangle2D r = ink.getBounds2D();
    int x0 = Math.max(0, (int) Math.floor(r.getX()) - 2);
    int y0 = Math.max(0, (int) Math.floor(r.getY()) - 2);
    int x1 = Math.min(page.getWidth(), (int) Math.ceil(r.getMaxX()) + 2);
    int y1 = Math.min(page.getHeight(), (int) Math.ceil(r.getMaxY()) + 2);
    if (x1 <= x0 || y1 <= y0) {
      return null;
    }
    int lw = x1 - x0;
    int lh = y1 - y0;
    BufferedImage cover = new BufferedImage(lw, lh, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = cover.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.translate(-x0, -y0);
    g.fill(ink);
    g.dispose();
    byte[] cov = ((DataBufferByte) cover.getRaster().getDataBuffer()).getData();
    int[] px = ((DataBufferInt) page.getRaster().getDataBuffer()).getData();
    // pressure: two soft blobs of more and less ink across the item
    double[] blobs = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
    double dip = stamp ? 0.2 + 0.35 * rng.nextDouble() : 0.05;
    int cr = (colour >> 16) & 255;
    int cg = (colour >> 8) & 255;
    int cb = colour & 255;
    int bx0 = Integer.MAX_VALUE;
    int by0 = Integer.MAX_VALUE;
    int bx1 = -1;
    int by1 = -1;
    for (int y = 0; y < lh; y++) {
      double v = (double) y / lh;
      for (int x = 0; x < lw; x++) {
        int c = cov[y * lw + x] & 255;
        if (c == 0) {
          continue;
        }
        double u = (double) x / lw;
        double d1 = (u - blobs[0]) * (u - blobs[0]) + (v - blobs[1]) * (v - blobs[1]);
        double d2 = (u - blobs[2]) * (u - blobs[2]) + (v - blobs[3]) * (v - blobs[3]);
        double field = 1 - dip * Math.exp(-d1 * 9) + 0.1 * Math.exp(-d2 * 9);
        double a = Math.min(1, c / 255.0 * strength * field * (stamp && rng.nextInt(12) == 0 ? 0.45 : 1));
        int i = (y + y0) * page.getWidth() + x + x0;
        int p = px[i];
        int nr = (int) Math.round(((p >> 16) & 255) * (1 - a) + cr * a);
        int ng = (int) Math.round(((p >> 8) & 255) * (1 - a) + cg * a);
        int nb = (int) Math.round((p & 255) * (1 - a) + cb * a);
        px[i] = (nr << 16) | (ng << 8) | nb;
        if (a > 0.33) {
          bx0 = Math.min(bx0, x + x0);
          by0 = Math.min(by0, y + y0);
          bx1 = Math.max(bx1, x + x0);
          by1 = Math.max(by1, y + y0);
        }
      }
    }
    return bx1 < 0 ? null : new Box(bx0, by0, bx1 - bx0 + 1, by1 - by0 + 1);
  }

  /** An invoice: letterhead, ruled item grid, totals; returns the signature line's height (mm). */
  private double invoice(Graphics2D g, Random rng) {
    g.setColor(new Color(0x202020));
    g.setFont(font("FreeSansBold.ttf", 6));
    g.drawString(word(rng).toUpperCase(Locale.ROOT) + " " + word(rng).toUpperCase(Locale.ROOT) + " LTD", 20, 28);
    g.setFont(font("FreeSans.ttf", 3));
    for (int i = 0; i < 3; i++) {
      g.drawString(words(rng, 5), 20, 36 + i * 4.6f);
    }
    g.setFont(font("FreeSerifBold.ttf", 8));
    g.drawString("INVOICE", 140, 30);
    g.setFont(font("FreeMono.ttf", 3));
    g.drawString("No. " + (10000 + rng.nextInt(90000)) + "   date 2026-0" + (1 + rng.nextInt(9)) + "-1" + rng.nextInt(9), 140, 38);
    int rows = 5 + rng.nextInt(10);
    double top = 62;
    double rowH = 7;
    g.setStroke(new BasicStroke(0.25f));
    double[] cols = {18, 32, 110, 135, 160, 192};
    for (int rI = 0; rI <= rows + 1; rI++) {
      g.draw(new Line2D.Double(cols[0], top + rI * rowH, cols[cols.length - 1], top + rI * rowH));
    }
    for (double c : cols) {
      g.draw(new Line2D.Double(c, top, c, top + (rows + 1) * rowH));
    }
    g.setFont(font("FreeSansBold.ttf", 3));
    String[] head = {"Item", "Description", "Qty", "Price", "Amount"};
    for (int c = 0; c < head.length; c++) {
      g.drawString(head[c], (float) cols[c] + 1.5f, (float) top + 5);
    }
    g.setFont(font(rng.nextBoolean() ? "FreeSans.ttf" : "FreeSerif.ttf", 3.2));
    for (int rI = 1; rI <= rows; rI++) {
      float y = (float) (top + rI * rowH + 5);
      g.drawString(Integer.toString(rI), (float) cols[0] + 2, y);
      g.drawString(words(rng, 4), (float) cols[1] + 1.5f, y);
      g.drawString(Integer.toString(1 + rng.nextInt(500)), (float) cols[2] + 2, y);
      g.drawString(String.format(Locale.ROOT, "%.2f", rng.nextDouble() * 900), (float) cols[3] + 2, y);
      g.drawString(String.format(Locale.ROOT, "%.2f", rng.nextDouble() * 90000), (float) cols[4] + 2, y);
    }
    double y = top + (rows + 1) * rowH + 12;
    for (int i = 0; i < 2 + rng.nextInt(3); i++) {
      g.drawString(words(rng, 11), 20, (float) y);
      y += 5.5;
    }
    double signY = Math.max(y + 35, 235 + rng.nextDouble() * 15);
    footer(g, signY);
    return signY;
  }

  /** A certificate: framed border, centred title, paragraphs; returns the signature line's height (mm). */
  private double certificate(Graphics2D g, Random rng) {
    g.setColor(new Color(0x1a1a1a));
    g.setStroke(new BasicStroke(0.9f));
    g.draw(new Rectangle2D.Double(10, 10, 190, 277));
    g.setStroke(new BasicStroke(0.3f));
    g.draw(new Rectangle2D.Double(12.5, 12.5, 185, 272));
    g.setFont(font("FreeSerifBold.ttf", 7.5));
    String title = rng.nextBoolean() ? "CERTIFICATE OF ORIGIN" : "CERTIFICATE OF ANALYSIS";
    float tw = (float) g.getFontMetrics().getStringBounds(title, g).getWidth();
    g.drawString(title, 105 - tw / 2, 40);
    g.setFont(font(rng.nextBoolean() ? "FreeSerif.ttf" : "FreeSans.ttf", 3.4));
    double y = 60;
    for (int p = 0; p < 3 + rng.nextInt(3); p++) {
      for (int l = 0; l < 3 + rng.nextInt(4); l++) {
        g.drawString(words(rng, 12), 25, (float) y);
        y += 6;
      }
      y += 5;
    }
    double signY = Math.max(y + 40, 230 + rng.nextDouble() * 20);
    footer(g, signY);
    return signY;
  }

  private void footer(Graphics2D g, double signY) {
    g.setStroke(new BasicStroke(0.3f));
    g.draw(new Line2D.Double(105, signY, 185, signY));
    g.setFont(font("FreeSansOblique.ttf", 3));
    g.drawString("Signed for and on behalf of the issuer", 105, (float) signY + 5);
  }

  private static String word(Random rng) {
    return TEXT[rng.nextInt(TEXT.length)];
  }

  private static String words(Random rng, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(word(rng));
    }
    return sb.toString();
  }

  /** This generator's scanner: box blur, Gaussian noise, a few toner specks, then JPEG on most pages. */
  private static BufferedImage scan(BufferedImage page, int dpi, Random rng) {
    int k = dpi >= 300 ? 3 : 2;
    float[] kernel = new float[k * k];
    java.util.Arrays.fill(kernel, 1f / (k * k));
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
    new ConvolveOp(new Kernel(k, k, kernel), ConvolveOp.EDGE_NO_OP, null).filter(page, out);
    int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    double sigma = 2 + 4 * rng.nextDouble();
    for (int i = 0; i < px.length; i++) {
      int n = (int) Math.round(rng.nextGaussian() * sigma);
      int p = px[i];
      px[i] = (clamp(((p >> 16) & 255) + n) << 16) | (clamp(((p >> 8) & 255) + n) << 8) | clamp((p & 255) + n);
    }
    int specks = rng.nextInt(40);
    for (int s = 0; s < specks; s++) {
      int x = rng.nextInt(out.getWidth() - 2);
      int y = rng.nextInt(out.getHeight() - 2);
      px[y * out.getWidth() + x] = 0x303030;
      px[y * out.getWidth() + x + 1] = 0x404040;
    }
    if (rng.nextInt(4) == 0) {
      return out;
    }
    return jpeg(out, 0.6f + 0.3f * rng.nextFloat());
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static BufferedImage jpeg(BufferedImage img, float quality) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream os = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(os);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        writer.write(null, new IIOImage(img, null, null), p);
      } finally {
        writer.dispose();
      }
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      BufferedImage rgb = new BufferedImage(back.getWidth(), back.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.createGraphics().drawImage(back, 0, 0, null);
      return rgb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
