package org.riskgate.documents.compare;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_NONE;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_L2;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCORR_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.distanceTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_video.MOTION_AFFINE;
import static org.bytedeco.opencv.global.opencv_video.findTransformECCWithMask;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.riskgate.documents.Kind;

/**
 * Registers a query's ink onto a reference's ink and measures what differs (OpenCV).
 *
 * <p>Alignment: a coarse search over rotations with normalised cross-correlation at 64-96
 * pixels, then ECC ({@code findTransformECC}, affine) on blurred ink at working resolution. The
 * query is warped into the reference's frame, both are binarised and their distance transforms
 * give directed chamfer measures: query ink far from any reference stroke (a changed letter,
 * emblem or font adds such ink) and reference ink the query lacks, told apart by how far: a
 * stroke with query ink close by but not on it is a changed shape, a stroke with none anywhere
 * near is more often ink that did not take (uneven pressure, blotches). The worst windows keep a local change from
 * being averaged away. For signatures the pen's stroke width, the strokes' roughness (a slow
 * hand's tremor) and the shear of the fitted warp (slant) are compared as well. Printed text
 * under a dark stamp, marked as toner (see {@link InkMap#toner}), is left out of both the
 * alignment and the measures.
 */
final class InkAlignment {

  /** Names of {@link #features}, in order; the fitted weights refer to them. */
  static final String[] FEATURES = {
    "extra_mean", "extra_far", "extra_near", "extra_worst", "missing_mean", "missing_far", "missing_near", "missing_worst", "ecc", "ink_ratio",
    "scale", "aspect", "shear", "pen", "tremor", "outside", "extra_worst_clean", "extra_row_excess"
  };

  /** Index of {@code outside} in {@link #FEATURES}. */
  static final int OUTSIDE = Arrays.asList(FEATURES).indexOf("outside");

  /** Ink above this share of the map's strong ink counts as a stroke. */
  private static final double INK = 0.35;
  /** Distances are capped here (working pixels), so one stray blot does not dominate a mean. */
  private static final double CAP = 8;
  /** A stroke pixel farther than this from the other map's ink is "far". */
  private static final double FAR = 1.5;
  /** The map is cut into this many windows across and down for the worst-window measures. */
  private static final int WINDOWS = 6;

  private InkAlignment() {}

  /**
   * An ink map at working resolution; {@code dark} when measured by darkness (see {@link
   * InkMap.Raw#dark}); {@code toner} (or null) the share of each pixel that is printed text
   * rather than stamp ink (see {@link InkMap#toner}), only for a dark query stamp.
   */
  record Ink(float[] v, int w, int h, boolean dark, float[] toner) {
    Ink(float[] v, int w, int h, boolean dark) {
      this(v, w, h, dark, null);
    }

    /** As stored: width, height, 0 (chroma), 1 (dark) or 2 (dark with toner), the values row by row, then the toner's. */
    float[] encode() {
      float[] out = new float[3 + v.length * (toner == null ? 1 : 2)];
      out[0] = w;
      out[1] = h;
      out[2] = toner != null ? 2 : dark ? 1 : 0;
      System.arraycopy(v, 0, out, 3, v.length);
      if (toner != null) {
        System.arraycopy(toner, 0, out, 3 + v.length, toner.length);
      }
      return out;
    }

    static Ink decode(float[] e) {
      if (e.length < 4) {
        throw new IllegalArgumentException("not an ink map: " + e.length + " values");
      }
      int w = (int) e[0];
      int h = (int) e[1];
      int maps = e[2] == 2 ? 2 : 1;
      if (w <= 0 || h <= 0 || (long) w * h * maps != e.length - 3) {
        throw new IllegalArgumentException("not an ink map: " + maps + " x " + w + "x" + h + " in " + e.length + " values");
      }
      int n = w * h;
      return new Ink(Arrays.copyOfRange(e, 3, 3 + n), w, h, e[2] != 0, maps == 2 ? Arrays.copyOfRange(e, 3 + n, 3 + 2 * n) : null);
    }
  }

  /**
   * Working resolution as a fraction of 300 dpi: 225 dpi, where a rim letter's strokes and a
   * signature's tremor are still a few pixels wide (for stamps, 150 dpi did clearly worse on
   * validation issuers and 300 dpi no better, at twice the cost).
   */
  static final double SCALE = 0.75;

  /**
   * Crops a raw ink map to its ink (with a margin), resamples it to working resolution and
   * stretches its contrast.
   *
   * @param toner where {@code raw} is printed text (see {@link InkMap#toner}), same geometry, or null
   * @throws IllegalArgumentException when the map holds (almost) no ink
   */
  static Ink prepare(InkMap.Raw raw, InkMap.Raw toner, Kind kind) {
    OpenCv.load();
    int inked = 0;
    for (float v : raw.ink()) {
      if (v > 0.15f) {
        inked++;
      }
    }
    if (inked < 20) {
      throw new IllegalArgumentException("no ink in the " + kind.label() + " region (" + raw.width() + "x" + raw.height() + ")");
    }
    int[] bounds = InkMap.tight(raw);
    int m = 6;
    int x0 = Math.max(0, bounds[0] - m);
    int y0 = Math.max(0, bounds[1] - m);
    int x1 = Math.min(raw.width(), bounds[2] + m);
    int y1 = Math.min(raw.height(), bounds[3] + m);
    int cw = x1 - x0;
    int ch = y1 - y0;
    int w = Math.max(8, (int) Math.round(cw * SCALE));
    int h = Math.max(8, (int) Math.round(ch * SCALE));
    float[] v = resample(raw, x0, y0, cw, ch, w, h);
    float[] tonerShare = toner == null ? null : resample(toner, x0, y0, cw, ch, w, h);
    // uneven pressure: measure strokes against this impression's strong ink, not against 1.0
    float[] sorted = v.clone();
    Arrays.sort(sorted);
    int firstInk = 0;
    while (firstInk < sorted.length && sorted[firstInk] < 0.1f) {
      firstInk++;
    }
    float top = firstInk < sorted.length ? sorted[firstInk + (int) ((sorted.length - 1 - firstInk) * 0.9)] : 1f;
    float k = 1f / Math.max(0.2f, top);
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.min(1f, v[i] * k);
    }
    if (kind == Kind.STAMP) {
      evenPressure(v, w, h, tonerShare);
    }
    return new Ink(v, w, h, raw.dark(), tonerShare);
  }

  /** Where a stamp's ink is weaker than this share of its strong ink, it is left as it is: paper, not a pale stroke. */
  private static final float PALE_FLOOR = 0.25f;

  /**
   * Evens out a stamp's pressure, in place: each value is divided by the strong ink near it (a
   * moving maximum over a sixth of the stamp, smoothed), so a part pressed lightly, e.g. a pale
   * emblem or centre word, is measured as strokes like the rest and not as ink that did not take.
   * A pad's pressure changes smoothly across an impression, letters do not. Toner is no stamp ink
   * and is left out of the level.
   */
  private static void evenPressure(float[] v, int w, int h, float[] toner) {
    float[] stamp = v.clone();
    if (toner != null) {
      for (int i = 0; i < stamp.length; i++) {
        stamp[i] *= 1 - Math.min(1f, toner[i]);
      }
    }
    int side = Math.max(5, Math.min(w, h) / 6) | 1;
    try (PointerScope scope = new PointerScope()) {
      Mat level = new Mat();
      dilate(mat(stamp, w, h), level, getStructuringElement(MORPH_RECT, new Size(side, side)));
      GaussianBlur(level, level, new Size(side, side), 0);
      float[] l = floats(level);
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.min(1f, v[i] / Math.max(PALE_FLOOR, l[i]));
      }
    }
  }

  /** A crop of a raw map, area-resampled to {@code w x h}. */
  private static float[] resample(InkMap.Raw raw, int x0, int y0, int cw, int ch, int w, int h) {
    float[] crop = new float[cw * ch];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(raw.ink(), (y + y0) * raw.width() + x0, crop, y * cw, cw);
    }
    try (PointerScope scope = new PointerScope()) {
      Mat dst = new Mat();
      resize(mat(crop, cw, ch), dst, new Size(w, h), 0, 0, INTER_AREA);
      return floats(dst);
    }
  }

  /** The query's ink warped into the reference's frame (for inspection and tests). */
  static Ink aligned(Ink ref, Ink query, Kind kind) {
    OpenCv.load();
    try (PointerScope scope = new PointerScope()) {
      Fit fit = fit(mat(ref.v(), ref.w(), ref.h()), withoutText(query, tonerMask(query)), kind);
      return new Ink(floats(fit.warped()), ref.w(), ref.h(), query.dark());
    }
  }

  /** A fitted alignment: the warp from reference to query, the query warped onto the reference, ECC's correlation. */
  private record Fit(Mat warp, Mat warped, double ecc) {}

  private static Fit fit(Mat r, Mat q, Kind kind) {
    Mat warp = coarse(r, q, kind);
    double ecc = refine(r, q, warp, kind);
    Mat qw = new Mat();
    warpAffine(q, qw, warp, r.size(), INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, new Scalar(0.0));
    return new Fit(warp, qw, ecc);
  }

  /** Features of a query against a reference, see {@link #FEATURES}; larger means more different except {@code ecc}. */
  static double[] features(Ink ref, Ink query, Kind kind) {
    OpenCv.load();
    try (PointerScope scope = new PointerScope()) {
      Mat r = mat(ref.v(), ref.w(), ref.h());
      // printed text (toner) says nothing about the stamp: it is left out of the alignment (where
      // a box full of text pulled the fit off the stamp), and its pixels are neither the query's
      // ink nor evidence that a reference stroke is missing
      Mat toner = tonerMask(query);
      Fit fit = fit(r, withoutText(query, toner), kind);
      Mat warp = fit.warp();
      double ecc = fit.ecc();
      int w = ref.w();
      int h = ref.h();
      float[] rv = ref.v();
      float[] qv = floats(fit.warped());
      float[] qAll = toner == null ? qv : warped(mat(query.v(), query.w(), query.h()), warp, w, h);
      boolean[] text = new boolean[w * h];
      if (toner != null) {
        float[] t = warped(toner, warp, w, h);
        for (int i = 0; i < text.length; i++) {
          text[i] = t[i] > 0.3f;
        }
      }
      // reference strokes under text: whether the query has them cannot be told
      float[] rk = rv.clone();
      for (int i = 0; i < text.length; i++) {
        if (text[i]) {
          qv[i] = 0;
          rk[i] = 0;
        }
      }
      Mat qw = mat(qv, w, h);
      float[] dr = distances(r);
      float[] dq = distances(qw);
      double extra = 0;
      int qInk = 0;
      int qFar = 0;
      double missing = 0;
      int rInk = 0;
      int rFar = 0;
      int rNear = 0;
      int qNear = 0;
      int qOutside = 0;
      int qAllInk = 0;
      boolean[] inside = hull(rv, w, h);
      int[] winInk = new int[WINDOWS * WINDOWS];
      int[] winFar = new int[WINDOWS * WINDOWS];
      int[] winRef = new int[WINDOWS * WINDOWS];
      int[] winMissing = new int[WINDOWS * WINDOWS];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          int win = (y * WINDOWS / h) * WINDOWS + x * WINDOWS / w;
          qAllInk += qAll[i] > INK ? 1 : 0;
          qOutside += qAll[i] > INK && !inside[i] ? 1 : 0;
          if (qv[i] > INK) {
            qInk++;
            extra += Math.min(CAP, dr[i]);
            winInk[win]++;
            if (dr[i] > FAR) {
              qFar++;
              winFar[win]++;
              if (dr[i] <= 3 * FAR) {
                qNear++;
              }
            }
          }
          if (rk[i] > INK) {
            rInk++;
            missing += Math.min(CAP, dq[i]);
            winRef[win]++;
            if (dq[i] > FAR) {
              rFar++;
              winMissing[win]++;
              if (dq[i] <= 3 * FAR) {
                rNear++;
              }
            }
          }
        }
      }
      double[] worst = new double[winInk.length];
      for (int i = 0; i < worst.length; i++) {
        worst[i] = winFar[i] / (winInk[i] + 0.02 * qInk + 1.0);
      }
      Arrays.sort(worst);
      double[] worstMissing = new double[winRef.length];
      for (int i = 0; i < worstMissing.length; i++) {
        worstMissing[i] = winMissing[i] / (winRef[i] + 0.02 * rInk + 1.0);
      }
      Arrays.sort(worstMissing);
      double[] geometry = geometry(warp);
      double outside = qAllInk == 0 ? 0 : (double) qOutside / qAllInk;
      double extraWorst = (worst[worst.length - 1] + worst[worst.length - 2]) / 2;
      double pen = 0;
      double tremor = 0;
      if (kind == Kind.SIGNATURE) {
        double[] sr = strokes(r);
        double[] sq = strokes(qw);
        pen = Math.abs(Math.log(sq[0] / sr[0]));
        tremor = Math.log(sq[1] / sr[1]);
      }
      return new double[] {
        qInk == 0 ? CAP : extra / qInk,
        qInk == 0 ? 1 : (double) qFar / qInk,
        qInk == 0 ? 1 : (double) qNear / qInk,
        extraWorst,
        rInk == 0 ? CAP : missing / rInk,
        rInk == 0 ? 1 : (double) rFar / rInk,
        rInk == 0 ? 1 : (double) rNear / rInk,
        (worstMissing[worstMissing.length - 1] + worstMissing[worstMissing.length - 2]) / 2,
        ecc,
        Math.abs(Math.log((qInk + 1.0) / (rInk + 1.0))),
        Math.abs(geometry[0]),
        Math.abs(geometry[1]),
        Math.abs(geometry[2]),
        pen,
        tremor,
        outside,
        extraWorst * Math.max(0, 1 - 5 * outside),
        rowExcess(qv, dr, w, h, warp, query.w(), query.h())
      };
    }
  }

  /**
   * Where the query's toner (see {@link Ink#toner}) lies, in its own frame, as 0/1, grown by a
   * pixel to take in the text's soft edges; null when the query has none.
   */
  private static Mat tonerMask(Ink query) {
    if (query.toner() == null) {
      return null;
    }
    Mat bin = new Mat();
    threshold(mat(query.toner(), query.w(), query.h()), bin, 0.2, 1, 0);
    dilate(bin, bin, getStructuringElement(MORPH_ELLIPSE, new Size(3, 3)));
    return bin;
  }

  /** The query's ink with the toner's pixels cleared (as is without a mask). */
  private static Mat withoutText(Ink query, Mat toner) {
    float[] v = query.v();
    if (toner != null) {
      float[] t = floats(toner);
      v = v.clone();
      for (int i = 0; i < v.length; i++) {
        v[i] *= 1 - t[i];
      }
    }
    return mat(v, query.w(), query.h());
  }

  /** A query-frame map warped into the reference's {@code w x h} frame. */
  private static float[] warped(Mat m, Mat warp, int w, int h) {
    Mat out = new Mat();
    warpAffine(m, out, warp, new Size(w, h), INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, new Scalar(0.0));
    return floats(out);
  }

  /**
   * Extra ink (query strokes away from every reference stroke) taken back to the query's own
   * frame, i.e. the page's, where printed text runs in horizontal lines: per window of a 6x6 grid,
   * the share of the window that is extra ink beyond the mean of its row of windows. Text spreads
   * along its row and cancels; an added or changed emblem or word is concentrated and stands out.
   */
  private static double rowExcess(float[] qv, float[] dr, int w, int h, Mat warp, int qw, int qh) {
    float[] extra = new float[w * h];
    for (int i = 0; i < extra.length; i++) {
      extra[i] = qv[i] > INK && dr[i] > FAR ? 1f : 0f;
    }
    Mat back = new Mat();
    // the warp maps reference to query coordinates: warping forwards lands on the query's pixels
    warpAffine(mat(extra, w, h), back, warp, new Size(qw, qh), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0.0));
    float[] e = floats(back);
    double[][] win = new double[WINDOWS][WINDOWS];
    for (int y = 0; y < qh; y++) {
      for (int x = 0; x < qw; x++) {
        if (e[y * qw + x] > 0.5f) {
          win[y * WINDOWS / qh][x * WINDOWS / qw]++;
        }
      }
    }
    double area = (double) qw * qh / (WINDOWS * WINDOWS);
    double best = 0;
    for (double[] row : win) {
      double mean = Arrays.stream(row).average().orElse(0);
      for (double v : row) {
        best = Math.max(best, (v - mean) / area);
      }
    }
    return best;
  }

  /**
   * Pixels inside the reference's outline, grown by a few pixels: between the first and last
   * stroke pixel of their row and of their column. Ink outside it on a genuine impression is
   * printed text (or another item) in the box, which says how far extra ink can be trusted.
   */
  private static boolean[] hull(float[] ink, int w, int h) {
    int grow = 4;
    int[] rowMin = new int[h];
    int[] rowMax = new int[h];
    int[] colMin = new int[w];
    int[] colMax = new int[w];
    Arrays.fill(rowMin, Integer.MAX_VALUE);
    Arrays.fill(rowMax, Integer.MIN_VALUE);
    Arrays.fill(colMin, Integer.MAX_VALUE);
    Arrays.fill(colMax, Integer.MIN_VALUE);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > INK) {
          rowMin[y] = Math.min(rowMin[y], x);
          rowMax[y] = Math.max(rowMax[y], x);
          colMin[x] = Math.min(colMin[x], y);
          colMax[x] = Math.max(colMax[x], y);
        }
      }
    }
    boolean[] out = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = rowMin[y] != Integer.MAX_VALUE && colMin[x] != Integer.MAX_VALUE
            && x >= rowMin[y] - grow && x <= rowMax[y] + grow && y >= colMin[x] - grow && y <= colMax[x] + grow;
      }
    }
    return out;
  }

  /**
   * Best rotation and shift at 64-96 pixels by normalised cross-correlation of the rotated
   * reference over the (padded) query. Returns the 2x3 float warp from reference to query
   * coordinates at working resolution.
   */
  private static Mat coarse(Mat r, Mat q, Kind kind) {
    // stamps at 96 pixels, where rim letters still show through printed text; signatures at 64
    double c = Math.min(1, (kind == Kind.STAMP ? 96.0 : 64.0) / Math.max(r.cols(), r.rows()));
    Mat rc = blurred(small(r, c), 1);
    Mat qc = blurred(small(q, c), 1);
    int range = kind == Kind.STAMP ? 36 : 8;
    int step = kind == Kind.STAMP ? 4 : 2;
    double best = -1;
    double[] bestM = null;
    for (int a = -range; a <= range; a += step) {
      Mat m = getRotationMatrix2D(new Point2f((rc.cols() - 1) / 2f, (rc.rows() - 1) / 2f), a, 1.0);
      double rad = Math.toRadians(a);
      int nw = (int) Math.ceil(Math.abs(rc.cols() * Math.cos(rad)) + Math.abs(rc.rows() * Math.sin(rad)));
      int nh = (int) Math.ceil(Math.abs(rc.cols() * Math.sin(rad)) + Math.abs(rc.rows() * Math.cos(rad)));
      DoubleIndexer mi = m.createIndexer();
      mi.put(0, 2, mi.get(0, 2) + (nw - rc.cols()) / 2.0);
      mi.put(1, 2, mi.get(1, 2) + (nh - rc.rows()) / 2.0);
      Mat rot = new Mat();
      warpAffine(rc, rot, m, new Size(nw, nh));
      int px = Math.max(0, nw - qc.cols()) / 2 + nw / 4 + 2;
      int py = Math.max(0, nh - qc.rows()) / 2 + nh / 4 + 2;
      Mat padded = new Mat();
      copyMakeBorder(qc, padded, py, py, px, px, BORDER_CONSTANT, new Scalar(0.0));
      Mat res = new Mat();
      if (kind == Kind.STAMP) {
        // the query's ink counts only near the rotated reference's strokes, so a window full of
        // printed text is not preferred or avoided for the text alone
        Mat near = new Mat();
        threshold(rot, near, 0.05, 255, 0);
        Mat mask = new Mat();
        near.convertTo(mask, CV_8U);
        dilate(mask, mask, getStructuringElement(MORPH_ELLIPSE, new Size(3, 3)));
        matchTemplate(padded, rot, res, TM_CCORR_NORMED, mask);
      } else {
        matchTemplate(padded, rot, res, TM_CCORR_NORMED);
      }
      DoublePointer max = new DoublePointer(1);
      Point loc = new Point();
      minMaxLoc(res, null, max, null, loc, null);
      if (max.get() > best) {
        best = max.get();
        // reference (coarse) -> rotated canvas -> padded query -> query, then back to working pixels
        bestM = new double[] {
          mi.get(0, 0), mi.get(0, 1), (mi.get(0, 2) + loc.x() - px) / c,
          mi.get(1, 0), mi.get(1, 1), (mi.get(1, 2) + loc.y() - py) / c
        };
      }
      mi.release();
    }
    Mat warp = new Mat(2, 3, CV_32F);
    FloatIndexer wi = warp.createIndexer();
    for (int i = 0; i < 6; i++) {
      wi.put(i / 3, i % 3, (float) bestM[i]);
    }
    wi.release();
    return warp;
  }

  /** Refines the warp with ECC on blurred ink; keeps the coarse warp when ECC fails. Returns the correlation reached. */
  private static double refine(Mat r, Mat q, Mat warp, Kind kind) {
    Mat rb = blurred(r, 2);
    Mat qb = blurred(q, 2);
    // stamps: only the reference's strokes and their surroundings steer the fit, so printed text
    // elsewhere in the query's box has nothing to match; a signature's strokes move too much
    Mat mask = new Mat();
    if (kind == Kind.STAMP) {
      Mat near = new Mat();
      threshold(rb, near, 0.05, 255, 0);
      near.convertTo(mask, CV_8U);
      dilate(mask, mask, getStructuringElement(MORPH_ELLIPSE, new Size(9, 9)));
    }
    Mat trial = warp.clone();
    try {
      return findTransformECCWithMask(rb, qb, mask, new Mat(), trial, MOTION_AFFINE,
          new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 60, 1e-4), 1);
    } catch (RuntimeException e) {
      // ECC throws when it diverges (e.g. a different stamp altogether): the coarse warp stands
      return 0;
    } finally {
      if (isSane(trial)) {
        trial.copyTo(warp);
      }
    }
  }

  private static boolean isSane(Mat warp) {
    double[] g = geometry(warp);
    return Double.isFinite(g[0]) && Math.abs(g[0]) < 0.3 && Math.abs(g[1]) < 0.3 && Math.abs(g[2]) < 0.4;
  }

  /** log scale, log aspect (x over y) and shear of the warp's linear part. */
  private static double[] geometry(Mat warp) {
    FloatIndexer wi = warp.createIndexer();
    double a = wi.get(0, 0);
    double b = wi.get(0, 1);
    double c = wi.get(1, 0);
    double d = wi.get(1, 1);
    wi.release();
    double sx = Math.hypot(a, c);
    double det = a * d - b * c;
    double sy = det / sx;
    double m = (a * b + c * d) / sx;
    return new double[] {Math.log(Math.sqrt(Math.abs(det))), Math.log(sx / sy), m / sy};
  }

  /** Distance of every pixel to the nearest stroke pixel. */
  private static float[] distances(Mat ink) {
    Mat bin = new Mat();
    threshold(ink, bin, INK, 255, THRESH_BINARY_INV);
    Mat b8 = new Mat();
    bin.convertTo(b8, CV_8U);
    Mat d = new Mat();
    distanceTransform(b8, d, DIST_L2, 3);
    return floats(d);
  }

  /**
   * Pen width (twice area over perimeter of the strokes) and roughness (mean distance of the
   * outline from its smoothed self, over the pen width) of an ink map.
   */
  private static double[] strokes(Mat ink) {
    Mat bin = new Mat();
    threshold(ink, bin, INK, 255, 0);
    Mat b8 = new Mat();
    bin.convertTo(b8, CV_8U);
    MatVector contours = new MatVector();
    findContours(b8, contours, new Mat(), RETR_LIST, CHAIN_APPROX_NONE);
    double perimeter = 0;
    double rough = 0;
    int n = 0;
    for (long i = 0; i < contours.size(); i++) {
      Mat ct = contours.get(i);
      int len = ct.rows();
      if (len < 24) {
        continue;
      }
      IntIndexer ix = ct.createIndexer();
      int[] xs = new int[len];
      int[] ys = new int[len];
      for (int j = 0; j < len; j++) {
        xs[j] = ix.get(j, 0, 0);
        ys[j] = ix.get(j, 0, 1);
      }
      ix.release();
      int fine = 2;
      int wide = 7;
      for (int j = 0; j < len; j++) {
        double fx = 0;
        double fy = 0;
        for (int k = -fine; k <= fine; k++) {
          fx += xs[Math.floorMod(j + k, len)];
          fy += ys[Math.floorMod(j + k, len)];
        }
        double wx = 0;
        double wy = 0;
        for (int k = -wide; k <= wide; k++) {
          wx += xs[Math.floorMod(j + k, len)];
          wy += ys[Math.floorMod(j + k, len)];
        }
        rough += Math.hypot(fx / (2 * fine + 1) - wx / (2 * wide + 1), fy / (2 * fine + 1) - wy / (2 * wide + 1));
      }
      n += len;
      perimeter += len;
    }
    double area = 0;
    FloatBuffer fb = bin.createBuffer();
    while (fb.hasRemaining()) {
      if (fb.get() > 0) {
        area++;
      }
    }
    double pen = perimeter == 0 ? 1 : Math.max(0.5, 2 * area / perimeter);
    return new double[] {pen, n == 0 ? 0.1 : Math.max(0.05, rough / n)};
  }

  private static Mat small(Mat m, double c) {
    if (c >= 1) {
      return m;
    }
    Mat out = new Mat();
    resize(m, out, new Size(Math.max(4, (int) Math.round(m.cols() * c)), Math.max(4, (int) Math.round(m.rows() * c))), 0, 0, INTER_AREA);
    return out;
  }

  private static Mat blurred(Mat m, double sigma) {
    Mat out = new Mat();
    GaussianBlur(m, out, new Size(0, 0), sigma);
    return out;
  }

  private static Mat mat(float[] v, int w, int h) {
    Mat m = new Mat(h, w, CV_32F);
    FloatBuffer fb = m.createBuffer();
    fb.put(v);
    return m;
  }

  private static float[] floats(Mat m) {
    Mat f = m;
    if (m.type() != CV_32F) {
      f = new Mat();
      m.convertTo(f, CV_32F);
    }
    if (!f.isContinuous()) {
      f = f.clone();
    }
    float[] out = new float[f.rows() * f.cols()];
    FloatBuffer fb = f.createBuffer();
    fb.get(out);
    return out;
  }
}
