package org.riskgate.documents.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.riskgate.documents.Box;
import org.riskgate.documents.Detection;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.Kind;
import org.riskgate.documents.image.Rasters;

/**
 * Finds stamps and signatures by their ink.
 *
 * <p>Printed text is black and small; stamps and signatures are large connected strokes, often
 * in coloured ink. The page is reduced 2x, split into a coloured-ink mask and a dark-ink mask
 * (kept apart so a blue stamp does not merge with the black text under it), long straight runs
 * (table rules, signature lines) are erased from the dark mask, and connected components taller
 * or wider than any line of text seed regions. Nearby pieces are grouped, because partial ink
 * breaks a stamp's ring. Each region is then called stamp or signature from its size, ink
 * density and how many separate pieces it has (rim letters make stamps many-pieced; a signature
 * is a few long strokes).
 */
public final class InkDetector implements PageDetector {

  /** Reduction factor: 300 dpi pages are analysed at 150 dpi. */
  static final int SCALE = 2;
  private static final int MIN_CHROMA = 28;
  /** Darkness per unit of chroma up to which a dark pixel still counts as coloured ink (chroma at least 1/7 of its darkness). */
  private static final int TINT = 7;
  /**
   * Luma from the darkest print to the paper on an ordinary scan or photocopy (235–255 on the
   * generator's); a page with less contrast is stretched to this before ink is told from paper.
   */
  private static final int FULL_CONTRAST = 220;
  /** Longer straight dark runs than this (reduced pixels) are rules, not stamps. */
  private static final int RULE_RUN = 300;
  /** Regions are seeded by components at least this tall or wide (reduced pixels): no text line is. */
  private static final int SEED_SIZE = 40;
  /** Dark pieces closer than this are one region (reduced pixels). */
  private static final int GROUP_GAP = 34;
  /** Coloured pieces closer than this are one region: partial ink leaves wide gaps in a ring. */
  private static final int COLOUR_GAP = 40;
  /** Coloured pieces whose mean hues lie further apart than this (degrees) are different inks. */
  private static final double MAX_HUE_GAP = 35;
  /** Coloured pieces whose tints (chroma per darkness) differ by more than this factor are different inks. */
  private static final double MAX_TINT_RATIO = 2.2;

  /** The features behind one region's call, kept for inspection and tests. */
  public record Region(Box box, boolean colour, double fill, int pieces, double aspect, double frame, Kind kind, double confidence) {}

  /**
   * Detects the stamps and signatures on a page, top to bottom.
   *
   * @throws DocumentInputException.EmptyPage when the page carries no ink at all
   */
  @Override
  public List<Detection> detect(BufferedImage page) {
    return regions(page).stream().map(r -> new Detection(r.kind(), r.box(), r.confidence())).toList();
  }

  /** The regions with the features behind their call. */
  public List<Region> regions(BufferedImage page) {
    List<Region> out = joinSignatureParts(proposals(page), page.getWidth(), page.getHeight());
    out.sort(Comparator.comparingInt((Region r) -> r.box().y()).thenComparingInt(r -> r.box().x()));
    return out;
  }

  /**
   * The candidate regions before nearby signature parts are joined: one per group of same-ink
   * pieces, each with its hand-set call. {@code DetectionBench} calls them again by the page's
   * truth, to tell lost candidates from wrong calls.
   *
   * @throws DocumentInputException.EmptyPage when the page carries no ink at all
   */
  public List<Region> proposals(BufferedImage page) {
    BufferedImage rgb = Rasters.toRgb(page);
    int w = rgb.getWidth() / SCALE;
    int h = rgb.getHeight() / SCALE;
    if (w < 8 || h < 8) {
      throw new DocumentInputException.EmptyPage("page is too small to hold a stamp or signature: "
          + rgb.getWidth() + "x" + rgb.getHeight());
    }
    int[] px = Rasters.pixels(rgb);
    int fullW = rgb.getWidth();
    // 0 = paper, 1 = coloured ink, 2 = dark ink
    byte[] mask = new byte[w * h];
    int[] hist = new int[256];
    int[] lum = new int[w * h];
    int[] chr = new int[w * h];
    int[] colours = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < SCALE; dy++) {
          int row = (y * SCALE + dy) * fullW + x * SCALE;
          for (int dx = 0; dx < SCALE; dx++) {
            int p = px[row + dx];
            r += (p >> 16) & 255;
            g += (p >> 8) & 255;
            b += p & 255;
          }
        }
        int n = SCALE * SCALE;
        int p = ((r / n) << 16) | ((g / n) << 8) | (b / n);
        int l = Rasters.luma(p);
        lum[y * w + x] = l;
        colours[y * w + x] = p;
        chr[y * w + x] = Rasters.chroma(p);
        hist[l]++;
      }
    }
    int paper = Rasters.percentile(hist, w * h, 0.90);
    int min = Rasters.percentile(hist, w * h, 0.0005);
    if (paper - min < 40) {
      throw new DocumentInputException.EmptyPage("page carries no ink (blank or a single colour)");
    }
    // a lighter scan or a pale toner: its print lies closer to the paper and its colours are
    // weaker; stretched back to a full scan's contrast, ink is told from paper as on any other
    double gain = Math.max(1, FULL_CONTRAST / (double) (paper - min));
    if (gain > 1) {
      for (int i = 0; i < w * h; i++) {
        lum[i] = (int) Math.round(paper - (paper - lum[i]) * gain);
        chr[i] = (int) Math.round(chr[i] * gain);
      }
    }
    int darkBelow = (int) (paper * 0.70);
    for (int i = 0; i < w * h; i++) {
      // a tinted dark pixel (navy, dark violet) is coloured ink too: where a thin stroke only partly
      // covers a pixel its chroma falls under MIN_CHROMA while it is still dark, and a stroke whose
      // pixels flipped between the two masks fell apart into pieces; toner stays grey at any darkness
      boolean tinted = chr[i] >= 10 && chr[i] * TINT >= paper - lum[i];
      if ((chr[i] > MIN_CHROMA || tinted) && lum[i] < paper - 20) {
        mask[i] = 1;
      } else if (lum[i] < darkBelow) {
        mask[i] = 2;
      }
    }
    eraseRules(mask, w, h);
    Components cc = Components.label(mask, colours, w, h);
    List<int[]> seeds = new ArrayList<>();
    for (int c = 0; c < cc.count(); c++) {
      int bw = cc.x1[c] - cc.x0[c] + 1;
      int bh = cc.y1[c] - cc.y0[c] + 1;
      boolean colour = cc.value[c] == 1;
      if (colour ? cc.size[c] >= 12 : (bh >= SEED_SIZE || (bw >= SEED_SIZE * 2 && bh >= 28))) {
        seeds.add(new int[] {cc.x0[c], cc.y0[c], cc.x1[c], cc.y1[c], cc.value[c], c});
      }
    }
    List<int[]> groups = group(seeds, cc, paper);
    List<Region> out = new ArrayList<>();
    for (int[] gr : groups) {
      Region r = describe(gr, cc, mask, w, h, rgb.getWidth(), rgb.getHeight());
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Erases horizontal and vertical dark runs longer than {@link #RULE_RUN}: ruled lines. A run may
   * step by a row (or column) at a time, because a skewed scan turns a rule into a staircase.
   */
  private static void eraseRules(byte[] mask, int w, int h) {
    boolean[] erase = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      int start = -1;
      int miss = 0;
      for (int x = 0; x <= w; x++) {
        boolean on = x < w && (darkAt(mask, w, h, x, y - 1) || darkAt(mask, w, h, x, y) || darkAt(mask, w, h, x, y + 1));
        // a faint stretch of a rule after blur and JPEG: bridge up to three missing pixels
        if (!on && start >= 0 && x < w && ++miss <= 3) {
          continue;
        }
        if (on) {
          miss = 0;
        }
        if (on && start < 0) {
          start = x;
        } else if (!on && start >= 0) {
          if (x - start > RULE_RUN) {
            for (int k = start; k < x; k++) {
              for (int d = -1; d <= 1; d++) {
                if (y + d >= 0 && y + d < h) {
                  erase[(y + d) * w + k] = true;
                }
              }
            }
          }
          start = -1;
          miss = 0;
        }
      }
    }
    for (int x = 0; x < w; x++) {
      int start = -1;
      int miss = 0;
      for (int y = 0; y <= h; y++) {
        boolean on = y < h && (darkAt(mask, w, h, x - 1, y) || darkAt(mask, w, h, x, y) || darkAt(mask, w, h, x + 1, y));
        if (!on && start >= 0 && y < h && ++miss <= 3) {
          continue;
        }
        if (on) {
          miss = 0;
        }
        if (on && start < 0) {
          start = y;
        } else if (!on && start >= 0) {
          if (y - start > RULE_RUN) {
            for (int k = start; k < y; k++) {
              for (int d = -1; d <= 1; d++) {
                if (x + d >= 0 && x + d < w) {
                  erase[k * w + x + d] = true;
                }
              }
            }
          }
          start = -1;
          miss = 0;
        }
      }
    }
    for (int i = 0; i < erase.length; i++) {
      if (erase[i] && mask[i] == 2) {
        mask[i] = 0;
      }
    }
  }

  private static boolean darkAt(byte[] mask, int w, int h, int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x] == 2;
  }

  /**
   * Merges seed boxes of the same ink class that lie within {@link #GROUP_GAP} of each other;
   * coloured pieces only when their inks agree ({@link #sameInk}), so a navy signature touching a
   * blue or violet stamp stays apart from it.
   */
  private static List<int[]> group(List<int[]> seeds, Components cc, int paper) {
    // x0, y0, x1, y1, ink class, then the summed red, green, blue and pixel count
    List<long[]> boxes = new ArrayList<>();
    for (int[] s : seeds) {
      int c = s[5];
      boxes.add(new long[] {s[0], s[1], s[2], s[3], s[4], cc.red[c], cc.green[c], cc.blue[c], cc.size[c]});
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          long[] a = boxes.get(i);
          long[] b = boxes.get(j);
          int gap = a[4] == 1 ? COLOUR_GAP : GROUP_GAP;
          if (a[4] == b[4]
              && a[0] - gap <= b[2] && b[0] - gap <= a[2]
              && a[1] - gap <= b[3] && b[1] - gap <= a[3]
              && (a[4] != 1 || sameInk(a, b, paper))) {
            a[0] = Math.min(a[0], b[0]);
            a[1] = Math.min(a[1], b[1]);
            a[2] = Math.max(a[2], b[2]);
            a[3] = Math.max(a[3], b[3]);
            for (int k = 5; k < 9; k++) {
              a[k] += b[k];
            }
            boxes.remove(j);
            merged = true;
            break outer;
          }
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    for (long[] b : boxes) {
      out.add(new int[] {(int) b[0], (int) b[1], (int) b[2], (int) b[3], (int) b[4]});
    }
    return out;
  }

  /**
   * Two coloured pieces are one ink when their mean colours have a similar hue and a similar tint
   * (chroma per darkness, which partial ink leaves as it is: both shrink together towards the
   * paper). Navy and a blue stamp pad share a hue but not a tint; navy and violet differ in hue.
   */
  static boolean sameInk(long[] a, long[] b, int paper) {
    double[] ha = hueTint(a, paper);
    double[] hb = hueTint(b, paper);
    double dh = Math.abs(ha[0] - hb[0]);
    dh = Math.min(dh, 360 - dh);
    double ratio = Math.max(ha[1], hb[1]) / Math.max(1e-3, Math.min(ha[1], hb[1]));
    return dh <= MAX_HUE_GAP && ratio <= MAX_TINT_RATIO;
  }

  private static double[] hueTint(long[] box, int paper) {
    double n = Math.max(1, box[8]);
    double r = box[5] / n;
    double g = box[6] / n;
    double b = box[7] / n;
    double hue = Math.toDegrees(Math.atan2(Math.sqrt(3) * (g - b), 2 * r - g - b));
    double chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    double dark = Math.max(8, paper - (0.30 * r + 0.59 * g + 0.11 * b));
    return new double[] {hue < 0 ? hue + 360 : hue, chroma / dark};
  }

  private static Region describe(int[] g, Components cc, byte[] mask, int w, int h, int fullW, int fullH) {
    int bw = g[2] - g[0] + 1;
    int bh = g[3] - g[1] + 1;
    boolean colour = g[4] == 1;
    // too small to be either (specks, a stray mark), or too long and flat (a rule or a text line)
    if (Math.max(bw, bh) < 45 || Math.min(bw, bh) < 12 || bw > 8 * bh || bh > 8 * bw || bw * SCALE > 1400) {
      return null;
    }
    int ink = 0;
    for (int y = g[1]; y <= g[3]; y++) {
      for (int x = g[0]; x <= g[2]; x++) {
        if (mask[y * w + x] == g[4]) {
          ink++;
        }
      }
    }
    int pieces = 0;
    for (int c = 0; c < cc.count(); c++) {
      if (cc.value[c] == g[4] && cc.size[c] >= 12 && cc.x0[c] >= g[0] && cc.x1[c] <= g[2]
          && cc.y0[c] >= g[1] && cc.y1[c] <= g[3]) {
        pieces++;
      }
    }
    double fill = (double) ink / ((double) bw * bh);
    double frame = frameCoverage(g, mask, w);
    double aspect = (double) bw / bh;
    // a stamp: many pieces (rim letters), dense ink, compact; a signature: few long strokes, sparse, wide
    double stampScore = 1.5 * Math.log(Math.max(1, pieces) / 10.0) + 3 * (frame - 0.7) + 10 * (fill - 0.1) - 0.9 * Math.max(0, aspect - 2.4);
    Kind kind = stampScore > 0 ? Kind.STAMP : Kind.SIGNATURE;
    double confidence = Math.clamp(0.5 + 0.5 * Math.tanh(Math.abs(stampScore)) * sizePlausibility(bw, bh, kind), 0.0, 1.0);
    Box box = new Box(g[0] * SCALE, g[1] * SCALE, bw * SCALE, bh * SCALE).clip(fullW, fullH);
    return new Region(box, colour, fill, pieces, aspect, frame, kind, confidence);
  }

  /**
   * Joins signature regions that lie close together, whatever their ink class: a signature's
   * initial and name are separate strokes, and faint ink can split one stroke in two.
   */
  public static List<Region> joinSignatureParts(List<Region> regions, int fullW, int fullH) {
    List<Region> out = new ArrayList<>(regions);
    int gap = 70;
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          Region a = out.get(i);
          Region b = out.get(j);
          Box x = a.box();
          Box y = b.box();
          if (a.kind() == Kind.SIGNATURE && b.kind() == Kind.SIGNATURE
              && x.x() - gap <= y.x() + y.width() && y.x() - gap <= x.x() + x.width()
              && x.y() - gap <= y.y() + y.height() && y.y() - gap <= x.y() + x.height()) {
            int x0 = Math.min(x.x(), y.x());
            int y0 = Math.min(x.y(), y.y());
            int x1 = Math.max(x.x() + x.width(), y.x() + y.width());
            int y1 = Math.max(x.y() + x.height(), y.y() + y.height());
            Box box = new Box(x0, y0, x1 - x0, y1 - y0).clip(fullW, fullH);
            out.set(i, new Region(box, a.colour() || b.colour(), (a.fill() + b.fill()) / 2, a.pieces() + b.pieces(),
                (double) box.width() / box.height(), Math.max(a.frame(), b.frame()), Kind.SIGNATURE,
                Math.max(a.confidence(), b.confidence())));
            out.remove(j);
            merged = true;
            break outer;
          }
        }
      }
    }
    return out;
  }

  /**
   * The share of 36 angular sectors around the region's centre in which ink reaches the outer
   * fifth of the inscribed ellipse: near 1 for a stamp's closed frame (round, oval, or a
   * rectangle's sides), lower for signature strokes that touch their box in a few places only.
   */
  static double frameCoverage(int[] g, byte[] mask, int w) {
    double cx = (g[0] + g[2]) / 2.0;
    double cy = (g[1] + g[3]) / 2.0;
    double rx = (g[2] - g[0] + 1) / 2.0;
    double ry = (g[3] - g[1] + 1) / 2.0;
    int sectors = 36;
    boolean[] hit = new boolean[sectors];
    for (int y = g[1]; y <= g[3]; y++) {
      for (int x = g[0]; x <= g[2]; x++) {
        if (mask[y * w + x] != g[4]) {
          continue;
        }
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        if (dx * dx + dy * dy >= 0.64) {
          int s = (int) ((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * sectors) % sectors;
          hit[s] = true;
        }
      }
    }
    int n = 0;
    for (boolean b : hit) {
      n += b ? 1 : 0;
    }
    return (double) n / sectors;
  }

  /** 1 for sizes typical of the kind, less for odd ones. */
  private static double sizePlausibility(int bw, int bh, Kind kind) {
    int big = Math.max(bw, bh) * SCALE;
    return switch (kind) {
      case STAMP -> big >= 250 && big <= 900 ? 1.0 : 0.6;
      case SIGNATURE -> big >= 200 && big <= 1200 ? 1.0 : 0.6;
    };
  }
}
