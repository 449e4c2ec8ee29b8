package org.riskgate.documents.compare;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.image.Rasters;

/**
 * A region's ink as a float map 0..1, cropped tight and resized to a fixed size per kind.
 *
 * <p>Coloured ink is measured by chroma, so black printed text under a blue stamp vanishes from
 * the map; dark ink (black stamps, photocopies) by darkness, where text cannot be told apart.
 */
public final class InkMap {

  /** Side of a stamp map. */
  public static final int STAMP_SIZE = 96;
  /** Height of a signature map. */
  public static final int SIGNATURE_H = 48;
  /** Width of a signature map. */
  public static final int SIGNATURE_W = 128;

  private InkMap() {}

  /** Map width for a kind. */
  public static int width(Kind kind) {
    return kind == Kind.STAMP ? STAMP_SIZE : SIGNATURE_W;
  }

  /** Map height for a kind. */
  public static int height(Kind kind) {
    return kind == Kind.STAMP ? STAMP_SIZE : SIGNATURE_H;
  }

  /**
   * A raw (not resized) ink map of a box on the page.
   *
   * @param ink values 0..1, row by row
   * @param width width
   * @param height height
   * @param dark true when measured by darkness (black ink, a photocopy, or too little colour), false when by chroma
   */
  public record Raw(float[] ink, int width, int height, boolean dark) {}

  /** The ink inside {@code box} (grown by a small margin), at page resolution; chroma when coloured ink outnumbers dark pixels. */
  public static Raw extract(BufferedImage page, Box box) {
    return extract(page, box, 1.0, 0);
  }

  /**
   * The ink inside {@code box} (grown by a small margin), at page resolution, measured by chroma
   * when coloured pixels are at least {@code colourShare} times the dark ones and at least
   * {@code minColour} of the box, else by darkness.
   */
  public static Raw extract(BufferedImage page, Box box, double colourShare, double minColour) {
    BufferedImage rgb = Rasters.toRgb(page);
    Box b = grown(box, rgb);
    int[] px = Rasters.pixels(rgb);
    int pw = rgb.getWidth();
    int colour = 0;
    int dark = 0;
    int paper = 0;
    for (int y = b.y(); y < b.y() + b.height(); y++) {
      for (int x = b.x(); x < b.x() + b.width(); x++) {
        int p = px[y * pw + x];
        paper = Math.max(paper, Rasters.luma(p));
        if (Rasters.chroma(p) > 40) {
          colour++;
        } else if (Rasters.luma(p) < 150) {
          dark++;
        }
      }
    }
    // coloured ink if there is enough of it beside what is dark in the box; else darkness is all there is
    boolean byChroma = colour > colourShare * dark && colour > minColour * b.width() * b.height();
    paper = Math.max(paper, 200);
    float[] ink = new float[b.width() * b.height()];
    for (int y = 0; y < b.height(); y++) {
      for (int x = 0; x < b.width(); x++) {
        int p = px[(y + b.y()) * pw + x + b.x()];
        float v = byChroma
            ? (Rasters.chroma(p) - 18) / 70f
            : (paper - 25 - Rasters.luma(p)) / (paper * 0.55f);
        ink[y * b.width() + x] = Math.clamp(v, 0f, 1f);
      }
    }
    return new Raw(ink, b.width(), b.height(), !byChroma);
  }

  /**
   * The toner limit lies this share of the way from the page's text strokes to its paper. On the
   * generator's scans that is near luma 40 (strokes near 20, paper near 250), where a fixed limit
   * used to be; on a lighter scan or with a pale toner it moves with the print.
   */
  private static final double TONER_SPAN = 0.09;
  /** A page needs this many dark samples outside the box before its print level is trusted. */
  private static final int MIN_PRINT_SAMPLES = 400;

  /**
   * A page's print, measured away from the region being checked.
   *
   * @param text luma of its printed text's strokes: the 10th percentile of its clearly dark, uncoloured pixels
   * @param paper luma of its paper: the 90th percentile of all its pixels
   */
  public record Print(int text, int paper) {
    /** Pixels darker than this are toner. */
    public int tonerLimit() {
      return text + (int) Math.round(TONER_SPAN * (paper - text));
    }
  }

  /**
   * The page's print level outside {@code box} (every second pixel, both ways), or empty when the
   * page holds too little uncoloured dark ink outside the box to tell (a cropped stamp, a blank form).
   */
  public static Optional<Print> print(BufferedImage page, Box box) {
    BufferedImage rgb = Rasters.toRgb(page);
    Box b = grown(box, rgb);
    int[] px = Rasters.pixels(rgb);
    int pw = rgb.getWidth();
    int[] all = new int[256];
    int[] grey = new int[256];
    int samples = 0;
    for (int y = 0; y < rgb.getHeight(); y += 2) {
      boolean rowInBox = y >= b.y() && y < b.y() + b.height();
      for (int x = 0; x < pw; x += 2) {
        if (rowInBox && x >= b.x() && x < b.x() + b.width()) {
          continue;
        }
        int p = px[y * pw + x];
        int l = Rasters.luma(p);
        all[l]++;
        samples++;
        if (Rasters.chroma(p) <= 40) {
          grey[l]++;
        }
      }
    }
    if (samples == 0) {
      return Optional.empty();
    }
    int paper = Rasters.percentile(all, samples, 0.90);
    int dark = 0;
    for (int l = 0; l < paper / 2; l++) {
      dark += grey[l];
    }
    if (dark < MIN_PRINT_SAMPLES) {
      return Optional.empty();
    }
    return Optional.of(new Print(Rasters.percentile(grey, dark, 0.10), paper));
  }


  /**
   * Where a dark box (see {@link #extract}) holds toner, i.e. printed text, rather than stamp
   * ink: 1 for pixels darker than the page's {@link Print#tonerLimit}, else 0; same geometry as
   * {@link #extract}'s map. The limit is measured on the page's own print outside the box, so a
   * lighter scan, a grey toner or a darker scanner setting moves it with the text instead of
   * leaving it at a fixed luma that fits one scanner. A stamp pad's ink, pressed with uneven
   * force, stays well lighter than toner even in black; a photocopy pushes the text to black and
   * the limit with it, so only the blackest pixels count. Without print outside the box nothing
   * is marked: there is no sample of the toner to tell it from a black stamp by.
   */
  public static Raw toner(BufferedImage page, Box box) {
    BufferedImage rgb = Rasters.toRgb(page);
    Box b = grown(box, rgb);
    int[] px = Rasters.pixels(rgb);
    int pw = rgb.getWidth();
    int limit = print(rgb, box).map(Print::tonerLimit).orElse(0);
    float[] out = new float[b.width() * b.height()];
    for (int y = 0; y < b.height(); y++) {
      for (int x = 0; x < b.width(); x++) {
        out[y * b.width() + x] = Rasters.luma(px[(y + b.y()) * pw + x + b.x()]) < limit ? 1f : 0f;
      }
    }
    return new Raw(out, b.width(), b.height(), true);
  }

  /** The box grown by the margin {@link #extract} and {@link #toner} read, clipped to the page. */
  private static Box grown(Box box, BufferedImage page) {
    return new Box(box.x() - 8, box.y() - 8, box.width() + 16, box.height() + 16).clip(page.getWidth(), page.getHeight());
  }

  /** Crops a raw map to its ink and resizes it to the kind's size, keeping the aspect ratio. */
  public static float[] normalise(Raw raw, Kind kind) {
    int[] t = tight(raw);
    int cw = t[2] - t[0];
    int ch = t[3] - t[1];
    int outW = width(kind);
    int outH = height(kind);
    // pad the crop to the target aspect so shapes are not stretched (an oval stays an oval)
    double target = (double) outW / outH;
    int pw = cw;
    int ph = ch;
    if ((double) cw / ch > target) {
      ph = (int) Math.ceil(cw / target);
    } else {
      pw = (int) Math.ceil(ch * target);
    }
    float[] padded = new float[pw * ph];
    int ox = (pw - cw) / 2;
    int oy = (ph - ch) / 2;
    for (int y = 0; y < ch; y++) {
      System.arraycopy(raw.ink(), (y + t[1]) * raw.width() + t[0], padded, (y + oy) * pw + ox, cw);
    }
    return Rasters.resize(padded, pw, ph, outW, outH);
  }

  /** Bounds {x0, y0, x1, y1} of rows and columns holding at least three ink pixels. */
  static int[] tight(Raw raw) {
    int w = raw.width();
    int h = raw.height();
    int[] rows = new int[h];
    int[] cols = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (raw.ink()[y * w + x] > 0.15f) {
          rows[y]++;
          cols[x]++;
        }
      }
    }
    int x0 = 0;
    while (x0 < w - 1 && cols[x0] < 3) {
      x0++;
    }
    int x1 = w;
    while (x1 > x0 + 1 && cols[x1 - 1] < 3) {
      x1--;
    }
    int y0 = 0;
    while (y0 < h - 1 && rows[y0] < 3) {
      y0++;
    }
    int y1 = h;
    while (y1 > y0 + 1 && rows[y1 - 1] < 3) {
      y1--;
    }
    return new int[] {x0, y0, x1, y1};
  }

  /** The raw map rotated by {@code deg} about its centre onto a canvas large enough to hold it. */
  public static Raw rotate(Raw raw, double deg) {
    if (deg == 0) {
      return raw;
    }
    double c = Math.cos(Math.toRadians(deg));
    double s = Math.sin(Math.toRadians(deg));
    int w = raw.width();
    int h = raw.height();
    int nw = (int) Math.ceil(Math.abs(w * c) + Math.abs(h * s));
    int nh = (int) Math.ceil(Math.abs(w * s) + Math.abs(h * c));
    float[] out = new float[nw * nh];
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    double ncx = (nw - 1) / 2.0;
    double ncy = (nh - 1) / 2.0;
    for (int y = 0; y < nh; y++) {
      for (int x = 0; x < nw; x++) {
        double dx = x - ncx;
        double dy = y - ncy;
        // inverse rotation: where in the source does this pixel come from
        double sx = cx + dx * c + dy * s;
        double sy = cy - dx * s + dy * c;
        out[y * nw + x] = Rasters.bilinear(raw.ink(), w, h, sx, sy);
      }
    }
    return new Raw(out, nw, nh, raw.dark());
  }
}
