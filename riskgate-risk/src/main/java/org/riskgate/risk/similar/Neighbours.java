package org.riskgate.risk.similar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.riskgate.core.Declaration;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Similar past declarations with their outcomes: for one declaration, the nearest among the
 * inspected declarations of earlier days, in a {@link DeclarationSpace} fitted on those earlier
 * declarations alone, with the goods and the origin counted as well ({@link #mismatches}).
 * Point-in-time: a declaration of the same day or later can neither be a neighbour nor move the
 * space's scales.
 */
public final class Neighbours {

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
    return of(rows, target, k);
  }

  /**
   * @param past declarations to search (any order; those of the target's day or later, and those
   *     without an outcome, are passed over)
   * @param target the declaration to compare, in {@code past} or not
   * @param k how many neighbours
   */
  public static List<Neighbour> of(List<Declaration> past, Declaration target, int k) {
    return before(past, target.date()).nearest(target, k);
  }

  /**
   * The inspected declarations of {@code past} dated before {@code day}, placed in their space
   * once: the costly part (fitting the pipeline and reading every declaration through it), kept by
   * a caller that compares many declarations of one day.
   */
  public static Neighbours before(List<Declaration> past, LocalDate day) {
    List<Declaration> earlier = past.stream()
        .filter(d -> d.date().isBefore(day) && d.outcome().isPresent()).toList();
    if (earlier.isEmpty()) {
      return new Neighbours(day, null, null, List.of(), new float[0]);
    }
    // the pipeline's own numbers for each declaration, its vocabularies fitted on the past alone
    FeaturePipeline pipeline = FeaturePipeline.fit(earlier);
    FeaturePipeline.Walk walk = pipeline.walk(earlier);
    DeclarationSpace space = DeclarationSpace.fit(walk.matrix(), walk.rows(), pipeline.names());
    return new Neighbours(day, pipeline, space, walk.order(),
        space.vectors(walk.matrix(), 0, walk.rows(), walk.width()));
  }

  private final LocalDate day;
  private final FeaturePipeline pipeline;
  private final DeclarationSpace space;
  private final List<Declaration> order;
  private final float[] vectors;

  private Neighbours(LocalDate day, FeaturePipeline pipeline, DeclarationSpace space, List<Declaration> order,
      float[] vectors) {
    this.day = day;
    this.pipeline = pipeline;
    this.space = space;
    this.order = order;
    this.vectors = vectors;
  }

  /** The day whose earlier declarations these are. */
  public LocalDate day() {
    return day;
  }

  /**
   * The {@code k} nearest to {@code target}, nearest first.
   *
   * @throws IllegalArgumentException if {@code target} is not of {@link #day()}: its features and
   *     its candidates would not be of the same moment
   */
  public List<Neighbour> nearest(Declaration target, int k) {
    if (!target.date().equals(day)) {
      throw new IllegalArgumentException("declaration " + target.id() + " is of " + target.date()
          + ", these neighbours are for " + day);
    }
    if (order.isEmpty()) {
      return List.of();
    }
    int w = pipeline.width();
    float[] one = new float[w];
    pipeline.describe(target, one, 0);
    float[] t = space.vectors(one, 0, 1, w);
    int dim = space.dimension();
    PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::distance).reversed());
    for (int r = 0; r < order.size(); r++) {
      double s = mismatches(order.get(r), target);
      for (int j = 0; j < dim; j++) {
        double e = vectors[r * dim + j] - t[j];
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
