package org.riskgate.neural.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.riskgate.core.Declaration;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Similar past declarations with their outcomes: for one declaration, the nearest among the
 * inspected declarations of earlier days, in a {@link DeclarationSpace} fitted on those earlier
 * declarations alone, with the goods and the origin counted as well ({@link #mismatches}). Point-in-time: a declaration of the same day or later can neither be a
 * neighbour nor move the space's scales.
 */
public final class Neighbours {
  private Neighbours() {}

  /**
   * The goods and the origin, which the numbers do not see, as one squared standard deviation
   * each: another HS code, another HS chapter, another origin country. A declaration of the same
   * goods from the same origin is thus nearer than one that matches the numbers alone.
   */
  private static double mismatches(Declaration a, Declaration b) {
    return (a.hs6().equals(b.hs6()) ? 0 : 1) + (a.hs6().regionMatches(0, b.hs6(), 0, 2) ? 0 : 1)
        + (a.originCountry().equals(b.originCountry()) ? 0 : 1);
  }

  /** A past declaration and its distance (in the space's standard deviations). */
  public record Neighbour(Declaration declaration, double distance) {}

  /**
   * @param rows every declaration of the file (any order)
   * @param id the declaration to compare
   * @param k how many neighbours
   */
  public static List<Neighbour> of(List<Declaration> rows, String id, int k) {
    Declaration target = rows.stream().filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no declaration with id " + id));
    List<Declaration> earlier = rows.stream()
        .filter(d -> d.date().isBefore(target.date()) && d.outcome().isPresent()).toList();
    if (earlier.isEmpty()) {
      return List.of();
    }
    // the pipeline's own numbers for each declaration, its vocabularies fitted on the past alone
    FeaturePipeline pipeline = FeaturePipeline.fit(earlier);
    int w = pipeline.width();
    float[] past = new float[FeaturePipeline.matrixSize(earlier.size(), w)];
    List<Declaration> order = pipeline.walk(earlier, (p, d, f) -> System.arraycopy(f, 0, past, p * w, w));
    DeclarationSpace space = DeclarationSpace.fit(past, order.size(), pipeline.names());
    float[] one = new float[w];
    pipeline.describe(target, one, 0);
    float[] t = space.vectors(one, 0, 1, w);
    float[] v = space.vectors(past, 0, order.size(), w);
    int dim = space.dimension();
    PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::distance).reversed());
    for (int r = 0; r < order.size(); r++) {
      double s = mismatches(order.get(r), target);
      for (int j = 0; j < dim; j++) {
        double e = v[r * dim + j] - t[j];
        s += e * e;
      }
      best.add(new Neighbour(order.get(r), Math.sqrt(s)));
      if (best.size() > k) {
        best.poll();
      }
    }
    List<Neighbour> out = new ArrayList<>(best);
    // nearest first; among equals, the later and then the smaller id, so that the order is fixed
    out.sort(Comparator.comparingDouble(Neighbour::distance)
        .thenComparing(n -> n.declaration().date(), Comparator.reverseOrder())
        .thenComparing(n -> n.declaration().id()));
    return out;
  }
}
