package org.riskgate.documents.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/**
 * How detectors are judged on the training generator's validation issuers: the pages (the same
 * for every detector and every run) and the counts per kind at IoU 0.5. Used by the detector's
 * trainer for its provenance and by {@code DetectionBench}, where detector choices are made.
 */
public final class DetectionCheck {

  /** The resolutions the varied validation pages cycle through. */
  public static final int[] DPIS = {150, 200, 300, 600};

  private DetectionCheck() {}

  /** Page {@code i} of the validation run with {@code pages} pages per issuer; varied pages cycle through {@link #DPIS}. */
  public static PageSample page(SyntheticData data, List<Issuer> validation, int pages, int i, boolean varied) {
    Issuer is = validation.get(i / pages);
    int j = i % pages;
    return data.page(is, Forgery.values()[j % 3], Forgery.values()[(j + 1 + j / 3) % 3],
        new Random(7 * 7919 + 1_000_003L + i), DPIS[dpiIndex(pages, i, varied)]);
  }

  /** The index into {@link #DPIS} of page {@code i}. */
  public static int dpiIndex(int pages, int i, boolean varied) {
    return varied ? (i % pages) % DPIS.length : 2;
  }

  /** The detector's findings on a page of any resolution, in that page's pixels. */
  public static List<Detection> detect(PageDetector detector, PageSample page) {
    Resolution.Normalised work = Resolution.normalise(page.image());
    List<Detection> out = new ArrayList<>();
    for (Detection x : detector.detect(work.page())) {
      out.add(new Detection(x.kind(), work.toInput(x.box()), x.confidence()));
    }
    return out;
  }

  /**
   * Per kind: true positives, misses and false positives (IoU at least 0.5, kind must match),
   * and items found under either kind.
   */
  public static int[][] count(List<Truth> truths, List<Detection> detections) {
    List<Detection> dets = new ArrayList<>(detections);
    int[][] c = new int[2][4];
    for (Truth t : truths) {
      if (detections.stream().anyMatch(x -> x.box().iou(t.box()) >= 0.5)) {
        c[t.kind().ordinal()][3]++;
      }
      Detection best = null;
      double bestIou = 0.5;
      for (Detection x : dets) {
        if (x.kind() == t.kind() && x.box().iou(t.box()) >= bestIou) {
          best = x;
          bestIou = x.box().iou(t.box());
        }
      }
      if (best == null) {
        c[t.kind().ordinal()][1]++;
      } else {
        c[t.kind().ordinal()][0]++;
        dets.remove(best);
      }
    }
    for (Detection x : dets) {
      c[x.kind().ordinal()][2]++;
    }
    return c;
  }

  /** {@code recall r, precision p (TP/FN/FP)} of one kind's counts. */
  public static String summary(int[] c) {
    return String.format(Locale.ROOT, "recall %.3f, precision %.3f (%d/%d/%d)", (double) c[0] / Math.max(1, c[0] + c[1]),
        (double) c[0] / Math.max(1, c[0] + c[2]), c[0], c[1], c[2]);
  }

  /** Adds {@code b} into {@code a}. */
  public static void add(int[][] a, int[][] b) {
    for (Kind k : Kind.values()) {
      for (int m = 0; m < a[k.ordinal()].length; m++) {
        a[k.ordinal()][m] += b[k.ordinal()][m];
      }
    }
  }
}
