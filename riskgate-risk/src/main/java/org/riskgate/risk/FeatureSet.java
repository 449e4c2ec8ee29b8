package org.riskgate.risk;

import java.util.List;
import java.util.Locale;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * Which of the pipeline's features a model learns from.
 *
 * <p>The default was chosen once on the 2020 training year with an internal time holdout (train
 * on its first 85 %, test on its last 15 %, never on 2021): there, history features (counts, fraud
 * rates, recency, unit-value z-scores) made every model worse, from AUC 0.905 to 0.845. A
 * history's counts grow through the training year, so trees learn the calendar from them, and the
 * public data carries no party-level fraud signal for them to learn instead. An administration
 * whose data does carry it trains with {@link #ALL} and compares.
 */
public enum FeatureSet {
  /** The declaration's own fields and category codes. */
  DECLARATION,
  /** Those and the history of its parties, goods and origins. */
  ALL,
  /**
   * Those and the parties' own codes ({@code importer_id} ...): for models that learn an embedding
   * of each party, where a tree could only split on an arbitrary number.
   */
  IDENTITIES,
  /**
   * The declaration's own fields and codes and its parties' codes, without the histories: the
   * parties are learned as embeddings, and the counts that grow through the year stay out.
   */
  PARTIES;

  public static final FeatureSet DEFAULT = DECLARATION;

  /** The names of the features in this set, in the pipeline's order. */
  public List<String> of(FeaturePipeline pipeline) {
    return of(pipeline.names());
  }

  /** The names among {@code names} (a pipeline's, or a data set's) that are in this set, in order. */
  public List<String> of(List<String> names) {
    return names.stream().filter(n -> switch (this) {
      case DECLARATION -> !FeaturePipeline.fromHistory(n) && !FeaturePipeline.identity(n);
      case ALL -> !FeaturePipeline.identity(n);
      case IDENTITIES -> true;
      case PARTIES -> !FeaturePipeline.fromHistory(n);
    }).toList();
  }

  /** The lower-case name used on the command line and in provenance. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
