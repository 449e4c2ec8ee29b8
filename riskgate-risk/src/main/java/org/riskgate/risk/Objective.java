package org.riskgate.risk;

import java.util.Locale;
import org.riskgate.core.Declaration;

/**
 * What the inspection capacity is spent on: finding frauds (declarations ranked by their risk) or
 * recovering revenue (ranked by the tax a fraud would cost, weighted by its risk). On the public
 * data the two pull far apart: a few very large declarations hold most of the tax at stake, so an
 * administration has to choose, and riskgate lets it say which.
 */
public enum Objective {
  /** Rank by the probability of fraud. */
  FRAUDS,
  /** Rank by expected tax recovered: risk × the declaration's own tax (item price × tax rate). */
  REVENUE;

  /**
   * How strongly a declaration of this risk claims an inspection. The revenue objective uses the
   * tax computed from the declaration itself, never a revenue column: that one is known only after
   * an inspection.
   */
  public double priority(double risk, Declaration d) {
    return priority(risk, declaredTax(d));
  }

  /** Like {@link #priority(double, Declaration)}, from the declared tax alone (for stored rows). */
  public double priority(double risk, double declaredTax) {
    return this == FRAUDS ? risk : risk * declaredTax;
  }

  /**
   * Why the revenue objective picked a declaration, in an analyst's words (a phrase of the
   * features' bundle, for every language it has); nothing under the frauds objective, whose picks
   * the model's own reasons explain.
   */
  public java.util.Optional<org.riskgate.core.evidence.Phrase> words(double risk, Declaration d) {
    if (this == FRAUDS) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(org.riskgate.core.evidence.Phrase.of(org.riskgate.risk.features.FeaturePipeline.REASONS,
        "objective.revenue", String.format(Locale.ROOT, "%,.0f", priority(risk, d)),
        String.format(Locale.ROOT, "%.0f", 100 * risk), String.format(Locale.ROOT, "%,.0f", declaredTax(d))));
  }

  /** The tax the declaration itself states: item price × tax rate / 100. */
  public static double declaredTax(Declaration d) {
    return d.itemPrice() * d.taxRate() / 100.0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The objective of a label ({@code frauds}, {@code revenue}), as settings and the API name it. */
  public static java.util.Optional<Objective> named(String label) {
    return java.util.Arrays.stream(values()).filter(o -> o.label().equals(label)).findFirst();
  }
}
