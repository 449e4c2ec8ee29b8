package org.riskgate.documents.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.image.Rasters;
import org.riskgate.documents.image.Resolution;

/**
 * The generator: a fixed population of issuers (from a seed) and, for any of them, scanned pages,
 * reference images and small training patches. Every method takes its own {@link Random} so
 * callers decide what is reproducible; the same seeds always give the same pixels.
 */
public final class SyntheticData {

  /** A4 at 300 dpi. */
  public static final int PAGE_WIDTH = 2480;

  /** A4 at 300 dpi. */
  public static final int PAGE_HEIGHT = 3508;

  private static final String[] WORDS = {
    "cotton", "steel", "bolts", "machine", "parts", "frozen", "fish", "fillets", "polyester", "yarn",
    "electric", "motors", "rubber", "tyres", "ceramic", "tiles", "copper", "wire", "plastic", "toys",
    "shipment", "port", "loading", "Busan", "Rotterdam", "consignee", "exporter", "invoice", "terms",
    "FOB", "CIF", "net", "gross", "weight", "packages", "origin", "declared", "value", "currency",
    "USD", "EUR", "KRW", "container", "vessel", "voyage", "Ltd", "Co.", "Trading", "Industrial"
  };
  private static final String[] TITLES = {
    "COMMERCIAL INVOICE", "CERTIFICATE OF ORIGIN", "PACKING LIST", "EXPORT LICENCE", "PHYTOSANITARY CERTIFICATE"
  };

  private final List<Issuer> issuers;
  private final boolean varied;

  /**
   * Makes {@code count} issuers from {@code seed}; every fifth (index 3 mod 5) goes to validation,
   * every fifth (index 4 mod 5) to test, the rest to training.
   */
  public SyntheticData(long seed, int count) {
    this(seed, count, false);
  }

  /**
   * As {@link #SyntheticData(long, int)}; {@code varied} widens the population for training and
   * choosing a detector that must hold on other documents: stamps in more inks (orange among
   * them) and faces (Liberation's narrow and serif, WenQuanYi's CJK with CJK ring text, from
   * Debian's font packages), signatures with pens from a hair line to a marker and letters from
   * small to large; on a third of the pages the stamp is pressed against the signature. The same issuers as without it, varied by their own draws, so an unvaried
   * population is exactly the published one.
   */
  public SyntheticData(long seed, int count, boolean varied) {
    if (count < 5) {
      throw new IllegalArgumentException("need at least 5 issuers to split them, got " + count);
    }
    List<Issuer> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Random rng = new Random(seed * 1_000_003L + i);
      String id = String.format("ISS-%03d", i);
      Issuer.Split split = switch (i % 5) {
        case 3 -> Issuer.Split.VALIDATION;
        case 4 -> Issuer.Split.TEST;
        default -> Issuer.Split.TRAIN;
      };
      StampDesign stamp = StampDesign.random(rng, "No." + (100 + i));
      SignatureDesign signer = SignatureDesign.random(rng);
      if (varied) {
        Random vary = new Random(seed * 2_000_029L + i * 7919L + 17);
        stamp = stamp.varied(vary);
        signer = signer.varied(vary);
      }
      list.add(new Issuer(id, split, stamp, signer));
    }
    issuers = List.copyOf(list);
    this.varied = varied;
  }

  /** All issuers. */
  public List<Issuer> issuers() {
    return issuers;
  }

  /** The issuers of one split. */
  public List<Issuer> issuers(Issuer.Split split) {
    return issuers.stream().filter(i -> i.split() == split).toList();
  }

  /**
   * Another issuer from the same split as {@code issuer}, to copy a stamp or signature from; from
   * the whole population when the split holds only this issuer (tiny populations).
   */
  public Issuer otherThan(Issuer issuer, Random rng) {
    List<Issuer> same = issuers(issuer.split());
    if (same.size() < 2) {
      List<Issuer> pool = issuers.stream().filter(i -> !i.id().equals(issuer.id())).toList();
      return pool.get(rng.nextInt(pool.size()));
    }
    // draw until another issuer comes up: the published figures were generated with this sequence
    Issuer o;
    do {
      o = same.get(rng.nextInt(same.size()));
    } while (o.id().equals(issuer.id()));
    return o;
  }

  /**
   * A full scanned A4 page claiming to come from {@code claimed}, with a stamp and a signature of
   * the given kinds of forgery ({@code null} leaves that item off the page).
   */
  public PageSample page(Issuer claimed, Forgery stamp, Forgery signature, Random rng) {
    return page(claimed, stamp, signature, rng, PAGE_WIDTH, PAGE_HEIGHT);
  }

  /**
   * A page as {@link #page(Issuer, Forgery, Forgery, Random)} makes it, scanned at {@code dpi}
   * instead of 300 (resampled from 300 dpi, truth boxes with it).
   */
  public PageSample page(Issuer claimed, Forgery stamp, Forgery signature, Random rng, int dpi) {
    PageSample p = page(claimed, stamp, signature, rng);
    if (dpi == 300) {
      return p;
    }
    double f = dpi / 300.0;
    BufferedImage img = Resolution.resample(p.image(), f);
    double fx = (double) img.getWidth() / p.image().getWidth();
    double fy = (double) img.getHeight() / p.image().getHeight();
    List<Truth> truths = new ArrayList<>();
    for (Truth t : p.truths()) {
      Box b = t.box();
      int x0 = (int) Math.round(b.x() * fx);
      int y0 = (int) Math.round(b.y() * fy);
      Box scaled = new Box(x0, y0, Math.max(1, (int) Math.round((b.x() + b.width()) * fx) - x0),
          Math.max(1, (int) Math.round((b.y() + b.height()) * fy) - y0));
      truths.add(new Truth(t.kind(), scaled.clip(img.getWidth(), img.getHeight()), t.forgery(), t.source()));
    }
    return new PageSample(img, p.claimedIssuer(), truths);
  }

  /**
   * A generated page as a lighter scan (see {@code docs evaluate --black-point}): its tones
   * mapped from 0..255 onto {@code blackPoint}..255, in place; 0 leaves it as it is.
   */
  public static void lighten(PageSample page, int blackPoint) {
    if (blackPoint < 0 || blackPoint > 200) {
      throw new IllegalArgumentException("black point must be 0..200, not " + blackPoint);
    }
    if (blackPoint > 0) {
      ScanEffects.lighten(page.image(), blackPoint);
    }
  }

  PageSample page(Issuer claimed, Forgery stamp, Forgery signature, Random rng, int width, int height) {
    BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(new Color(0xfafaf7 - rng.nextInt(3) * 0x030303));
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int margin = 200;
    // furniture draws from its own generator, seeded from the page's only on varied pages, so an
    // unvaried page is exactly the published one
    PageFurniture furniture = varied ? new PageFurniture(new Random(rng.nextLong()), width, height, margin) : null;
    if (furniture != null) {
      furniture.header(g);
    }
    int bodyTop = 460;
    int y = layoutBody(g, rng, width, margin, furniture);
    int declTop0 = Math.max(y + 60, (int) (height * 0.70));
    if (furniture != null) {
      furniture.body(g, y - 40, declTop0 - 40);
    }
    // the declaration paragraph that stamps overlap, then the signing zone
    int declTop = declTop0;
    g.setFont(new Font("Serif", Font.PLAIN, 40));
    g.setColor(new Color(0x1a1a1a));
    for (int i = 0; i < 4; i++) {
      g.drawString(sentence(rng, 9), margin, declTop + i * 62);
    }
    int signLine = declTop + 4 * 62 + 330;
    g.setStroke(new BasicStroke(3f));
    int lineX = width - margin - 800;
    g.drawLine(lineX, signLine, lineX + 780, signLine);
    g.setFont(new Font("SansSerif", Font.PLAIN, 34));
    g.drawString("Authorised signature and stamp", lineX, signLine + 50);
    if (furniture != null) {
      furniture.signingZone(g, lineX, signLine);
    }
    g.dispose();

    List<Truth> truths = new ArrayList<>();
    int[] px = Rasters.pixels(page);
    if (stamp != null) {
      Issuer src = stamp == Forgery.OTHER ? otherThan(claimed, rng) : claimed;
      StampDesign d = stamp == Forgery.SKILLED ? claimed.stamp().imitate(rng) : src.stamp();
      double angle = (rng.nextDouble() * 2 - 1) * (d.shape() == StampDesign.Shape.RECT ? 15 : 30);
      InkMask m = d.render(angle, 0.97 + 0.06 * rng.nextDouble());
      // stamps land over the declaration text, left of the signature line
      int cx = margin + m.width() / 2 + rng.nextInt(Math.max(1, lineX - margin - m.width() - 120));
      int cy = declTop + 60 + rng.nextInt(260);
      if (varied && rng.nextInt(3) == 0) {
        // as many offices do: the stamp pressed against the signature, or half over it
        cx = lineX + rng.nextInt(260) - m.width() / 4;
        cy = signLine - m.height() / 3 + rng.nextInt(80);
      } else if (varied && rng.nextInt(4) == 0) {
        // over the body: the goods table's grid and rules, or the fields' text
        cx = margin + m.width() / 2 + rng.nextInt(Math.max(1, width - 2 * margin - m.width()));
        cy = bodyTop + m.height() / 2 + rng.nextInt(Math.max(1, declTop - bodyTop - m.height()));
      }
      Box b = applyInk(px, width, height, m, cx - m.width() / 2, cy - m.height() / 2, d.ink(), rng, true);
      if (b != null) {
        truths.add(new Truth(Kind.STAMP, b, stamp, src.id()));
      }
    }
    if (signature != null) {
      Issuer src = signature == Forgery.OTHER ? otherThan(claimed, rng) : claimed;
      InkMask m = switch (signature) {
        case GENUINE, OTHER -> src.signer().render(rng, 0.03, 0, rng.nextGaussian() * 2);
        case SKILLED -> claimed.signer().imitate(rng).render(rng, 0.045, 1.3, rng.nextGaussian() * 2);
      };
      int sx = lineX + 20 + rng.nextInt(Math.max(1, 760 - m.width()));
      int sy = signLine - m.height() + 10 + rng.nextInt(20);
      Box b = applyInk(px, width, height, m, sx, sy, src.signer().ink(), rng, false);
      if (b != null) {
        truths.add(new Truth(Kind.SIGNATURE, b, signature, src.id()));
      }
    }
    return scan(new PageSample(page, claimed.id(), truths), rng);
  }

  private int layoutBody(Graphics2D g, Random rng, int width, int margin, PageFurniture furniture) {
    g.setColor(new Color(0x111111));
    g.setFont(new Font("Serif", Font.BOLD, 64));
    if (furniture != null) {
      furniture.colouredTitle(g);
    }
    g.drawString(TITLES[rng.nextInt(TITLES.length)], margin, 330);
    g.setColor(new Color(0x111111));
    g.setFont(new Font(rng.nextBoolean() ? "Serif" : "SansSerif", Font.PLAIN, 40));
    int y = 460;
    String[] fields = {"Exporter", "Consignee", "Invoice No.", "Date", "Port of loading", "Vessel", "Terms"};
    for (String f : fields) {
      g.drawString(f + ": " + sentence(rng, 3 + rng.nextInt(4)), margin, y);
      y += 62;
    }
    y += 60;
    g.setStroke(new BasicStroke(3f));
    g.drawLine(margin, y, width - margin, y);
    y += 55;
    int tableTop = y - 45;
    if (furniture != null) {
      furniture.tableHead(g, tableTop);
      g.setColor(new Color(0x111111));
    }
    g.drawString("No.   Description of goods               HS code        Qty        Amount", margin, y);
    y += 25;
    g.drawLine(margin, y, width - margin, y);
    y += 60;
    int rows = 6 + rng.nextInt(9);
    for (int r = 0; r < rows; r++) {
      String desc = sentence(rng, 3);
      g.drawString(String.format("%-5d %-34s %04d.%02d   %6d   %10.2f", r + 1, desc, 1000 + rng.nextInt(8000),
          rng.nextInt(100), 1 + rng.nextInt(900), rng.nextDouble() * 90000), margin, y);
      y += 58;
    }
    g.drawLine(margin, y - 30, width - margin, y - 30);
    if (furniture != null) {
      furniture.table(g, tableTop, y - 30, 58);
      g.setColor(new Color(0x111111));
      g.setStroke(new BasicStroke(3f));
    }
    y += 40;
    for (int i = 0; i < 2 + rng.nextInt(4); i++) {
      g.drawString(sentence(rng, 10), margin, y);
      y += 62;
    }
    return y;
  }

  private static String sentence(Random rng, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[rng.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /**
   * Presses ink onto the page with a multiply blend; stamps get uneven, partly missing ink like a
   * real impression. Returns the tight bounds of the ink actually left, or null when none.
   */
  private static Box applyInk(int[] px, int w, int h, InkMask m, int ox, int oy, int ink, Random rng, boolean stamp) {
    double density = stamp ? 0.7 + 0.3 * rng.nextDouble() : 0.85 + 0.15 * rng.nextDouble();
    // uneven pressure: a linear gradient plus a blotch, clipped; sometimes strong (partial ink)
    boolean partial = stamp && rng.nextDouble() < 0.5;
    double gx = (rng.nextDouble() * 2 - 1) * (partial ? 1.2 : 0.3);
    double gy = (rng.nextDouble() * 2 - 1) * (partial ? 1.2 : 0.3);
    double bx = rng.nextDouble();
    double by = rng.nextDouble();
    int ir = (ink >> 16) & 255;
    int ig = (ink >> 8) & 255;
    int ib = ink & 255;
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < m.height(); y++) {
      int py = oy + y;
      if (py < 0 || py >= h) {
        continue;
      }
      double v = (double) y / m.height();
      for (int x = 0; x < m.width(); x++) {
        float a0 = m.alpha()[y * m.width() + x];
        int pxx = ox + x;
        if (a0 <= 0.02f || pxx < 0 || pxx >= w) {
          continue;
        }
        double u = (double) x / m.width();
        double field = 1.0;
        if (stamp) {
          double blot = Math.exp(-((u - bx) * (u - bx) + (v - by) * (v - by)) * 6);
          field = Math.clamp(0.85 + gx * (u - 0.5) + gy * (v - 0.5) - (partial ? 0.45 * blot : 0), 0.0, 1.0);
          if (rng.nextDouble() < 0.06) {
            field *= 0.3; // grain: rubber that did not take ink
          }
        }
        double a = a0 * density * field;
        if (a < 0.02) {
          continue;
        }
        int i = py * w + pxx;
        int p = px[i];
        int r = (int) (((p >> 16) & 255) * (1 - a * (1 - ir / 255.0)));
        int g = (int) (((p >> 8) & 255) * (1 - a * (1 - ig / 255.0)));
        int b = (int) ((p & 255) * (1 - a * (1 - ib / 255.0)));
        px[i] = (r << 16) | (g << 8) | b;
        if (a > 0.25) {
          x0 = Math.min(x0, pxx);
          y0 = Math.min(y0, py);
          x1 = Math.max(x1, pxx);
          y1 = Math.max(y1, py);
        }
      }
    }
    return x1 < 0 ? null : new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }

  /** Scanner effects with their parameters drawn from {@code rng}; truth boxes follow the skew. */
  private static PageSample scan(PageSample s, Random rng) {
    BufferedImage img = s.image();
    double deg = Math.clamp(rng.nextGaussian() * 0.6, -1.5, 1.5);
    List<Truth> truths = new ArrayList<>();
    img = ScanEffects.skew(img, deg);
    double cx = img.getWidth() / 2.0;
    double cy = img.getHeight() / 2.0;
    double c = Math.cos(Math.toRadians(deg));
    double sn = Math.sin(Math.toRadians(deg));
    for (Truth t : s.truths()) {
      Box b = t.box();
      double[] xs = {b.x(), b.x() + b.width(), b.x(), b.x() + b.width()};
      double[] ys = {b.y(), b.y(), b.y() + b.height(), b.y() + b.height()};
      double minX = Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (int k = 0; k < 4; k++) {
        double x = cx + (xs[k] - cx) * c - (ys[k] - cy) * sn;
        double y = cy + (xs[k] - cx) * sn + (ys[k] - cy) * c;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      // a rotated box's corners overshoot the ink; shrink back by the overshoot of a small skew
      double shrinkX = Math.abs(sn) * b.height() / 2;
      double shrinkY = Math.abs(sn) * b.width() / 2;
      Box r = new Box((int) Math.round(minX + shrinkX), (int) Math.round(minY + shrinkY),
          (int) Math.max(1, Math.round(maxX - minX - 2 * shrinkX)), (int) Math.max(1, Math.round(maxY - minY - 2 * shrinkY)));
      truths.add(new Truth(t.kind(), r.clip(img.getWidth(), img.getHeight()), t.forgery(), t.source()));
    }
    ScanEffects.blur(img, rng.nextInt(4) == 0 ? 0 : 1);
    if (rng.nextDouble() < 0.15) {
      ScanEffects.photocopy(img);
    }
    ScanEffects.noise(img, 2 + 5 * rng.nextDouble(), rng);
    if (rng.nextBoolean()) {
      img = ScanEffects.jpeg(img, 0.55f + 0.35f * rng.nextFloat());
    }
    return new PageSample(img, s.claimedIssuer(), truths);
  }

  /**
   * A small scanned patch holding one stamp or signature over printed text, for training: the
   * same ink, forgery and scanning models as {@link #page}, at a fraction of the cost.
   *
   * @param image the scanned patch
   * @param box where the item is
   * @param angle the angle (degrees) the item was put down at
   */
  public record Patch(BufferedImage image, Box box, double angle) {}

  /** One patch with a stamp or signature of the given forgery kind, claimed for {@code claimed}. */
  public Patch patch(Issuer claimed, Kind kind, Forgery forgery, Random rng) {
    Issuer src = forgery == Forgery.OTHER ? otherThan(claimed, rng) : claimed;
    double angle;
    InkMask m;
    int ink;
    if (kind == Kind.STAMP) {
      StampDesign d = forgery == Forgery.SKILLED ? claimed.stamp().imitate(rng) : src.stamp();
      angle = (rng.nextDouble() * 2 - 1) * (d.shape() == StampDesign.Shape.RECT ? 15 : 30);
      m = d.render(angle, 0.97 + 0.06 * rng.nextDouble());
      ink = d.ink();
    } else {
      angle = rng.nextGaussian() * 2;
      m = switch (forgery) {
        case GENUINE, OTHER -> src.signer().render(rng, 0.03, 0, angle);
        case SKILLED -> claimed.signer().imitate(rng).render(rng, 0.045, 1.3, angle);
      };
      ink = src.signer().ink();
    }
    int w = m.width() + 160;
    int h = m.height() + 160;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0xfafaf7));
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x1a1a1a));
    g.setFont(new Font(rng.nextBoolean() ? "Serif" : "SansSerif", Font.PLAIN, 40));
    // text under the item on some patches only: stamps usually overlap text, signatures sometimes
    if (kind == Kind.STAMP ? rng.nextDouble() < 0.8 : rng.nextDouble() < 0.3) {
      for (int y = 40 + rng.nextInt(40); y < h; y += 62) {
        g.drawString(sentence(rng, 8), -rng.nextInt(200), y);
      }
    }
    g.dispose();
    Box b = applyInk(Rasters.pixels(img), w, h, m, 80, 80, ink, rng, kind == Kind.STAMP);
    if (b == null) {
      b = new Box(80, 80, m.width(), m.height());
    }
    PageSample scanned = scan(new PageSample(img, claimed.id(), List.of(new Truth(kind, b, forgery, src.id()))), rng);
    return new Patch(scanned.image(), scanned.truths().getFirst().box(), angle);
  }

  /** A reference impression as an issuer would register it: on blank paper, upright, lightly scanned. */
  public BufferedImage reference(Issuer issuer, Kind kind, Random rng) {
    InkMask m = switch (kind) {
      case STAMP -> issuer.stamp().render(0, 1.0);
      case SIGNATURE -> issuer.signer().render(rng, 0.03, 0, 0);
    };
    int ink = kind == Kind.STAMP ? issuer.stamp().ink() : issuer.signer().ink();
    int pad = 40;
    BufferedImage img = new BufferedImage(m.width() + 2 * pad, m.height() + 2 * pad, BufferedImage.TYPE_INT_RGB);
    int[] px = Rasters.pixels(img);
    java.util.Arrays.fill(px, 0xfbfbf9);
    Random inkRng = new Random(rng.nextLong());
    // a clean, even impression: reference sheets are stamped with care
    int ir = (ink >> 16) & 255;
    int ig = (ink >> 8) & 255;
    int ib = ink & 255;
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        double a = m.alpha()[y * m.width() + x] * 0.95;
        int i = (y + pad) * img.getWidth() + x + pad;
        int p = px[i];
        int r = (int) (((p >> 16) & 255) * (1 - a * (1 - ir / 255.0)));
        int g = (int) (((p >> 8) & 255) * (1 - a * (1 - ig / 255.0)));
        int b = (int) ((p & 255) * (1 - a * (1 - ib / 255.0)));
        px[i] = (r << 16) | (g << 8) | b;
      }
    }
    ScanEffects.blur(img, 1);
    ScanEffects.noise(img, 2, inkRng);
    return img;
  }
}
