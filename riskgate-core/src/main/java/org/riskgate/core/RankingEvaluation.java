package org.riskgate.core;

import java.util.List;

/**
 * Ranking quality of risk scores on a labelled set.
 *
 * @param rows labelled declarations evaluated
 * @param frauds how many of them were fraud
 * @param auc area under the ROC curve
 * @param prAuc average precision (area under the precision-recall curve)
 * @param atPercent precision, recall and revenue at the top n %
 */
public record RankingEvaluation(
    long rows, long frauds, double auc, double prAuc, List<AtPercent> atPercent) {

  public RankingEvaluation {
    atPercent = List.copyOf(atPercent);
  }

  /** The figures at one percentage, which must have been evaluated. */
  public AtPercent at(double percent) {
    return atPercent.stream().filter(a -> a.percent() == percent).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not evaluated at " + percent + "%"));
  }
}
