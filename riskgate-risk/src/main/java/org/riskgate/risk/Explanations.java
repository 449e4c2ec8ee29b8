package org.riskgate.risk;

import java.util.ArrayList;
import java.util.List;
import org.riskgate.core.Declaration;
import org.riskgate.risk.features.FeaturePipeline;

/** Turns a row's feature contributions into the reasons an analyst reads. */
public final class Explanations {
  private Explanations() {}

  /**
   * The at most {@code k} features that pushed one declaration's risk up the most, strongest
   * first, in words. Features that lowered the risk are never given as reasons.
   *
   * @param contributions contributions of the row, one per feature (a bias after them is ignored)
   * @param features the row's feature values, from {@code offset}
   */
  public static List<Contribution> top(
      FeaturePipeline pipeline, Declaration d, float[] contributions, float[] features, int offset, int k) {
    int w = pipeline.width();
    // a few passes over some seventy values: cheaper than sorting them, for every red and yellow row
    boolean[] taken = new boolean[w];
    List<Contribution> out = new ArrayList<>(k);
    while (out.size() < k) {
      int best = -1;
      for (int f = 0; f < w; f++) {
        if (!taken[f] && contributions[f] > 0 && (best < 0 || contributions[f] > contributions[best])) {
          best = f;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      out.add(new Contribution(pipeline.names().get(best),
          pipeline.words(d, best, features[offset + best]), contributions[best]));
    }
    return out;
  }
}
