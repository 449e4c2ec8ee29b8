package org.riskgate.documents.detect;

import java.util.List;
import java.util.Optional;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Truth;

/**
 * What a candidate region of a generated page really holds: the kind of the item that covers
 * most of it, when that item covers at least {@link #MIN_SHARE} of the region; background
 * otherwise. A part of a signature (its initial alone) is a signature, as the detector joins
 * parts afterwards; a box spanning a stamp and a signature about equally is neither.
 */
public final class TruthLabels {

  /** The share of a region an item must cover for the region to be that item. */
  static final double MIN_SHARE = 0.6;

  private TruthLabels() {}

  /** The region's kind, or empty for background. */
  public static Optional<Kind> of(Box region, List<Truth> truths) {
    Kind best = null;
    double bestShare = MIN_SHARE;
    for (Truth t : truths) {
      double share = intersection(region, t.box()) / (double) region.area();
      if (share >= bestShare) {
        best = t.kind();
        bestShare = share;
      }
    }
    return Optional.ofNullable(best);
  }

  private static long intersection(Box a, Box b) {
    long ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
    long iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
    return ix * iy;
  }
}
