package org.riskgate.neural;

import java.util.List;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.FeatureSet;

/** The columns of a prepared matrix that a feature set keeps, as training selects them. */
final class FeatureSetOf {
  private FeatureSetOf() {}

  static Dataset identities(Dataset d) {
    List<String> used = FeatureSet.IDENTITIES.of(d.featureNames());
    if (used.equals(d.featureNames())) {
      return d;
    }
    throw new AssertionError("identities is every column");
  }
}
