package org.riskgate.selectivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What checks beside the model found about one declaration — party profiles, the HS code check,
 * document verification: figures analysts' rules can test, and reasons the decision shows.
 *
 * @param attributes named figures, e.g. {@code importer.hit_rate} or {@code hs.mismatch}
 * @param reasons reasons to show on the decision whatever its lane
 */
public record Evidence(Map<String, Double> attributes, List<Reason> reasons) {
  /** Nothing found. */
  public static final Evidence NONE = new Evidence(Map.of(), List.of());

  public Evidence {
    attributes = Map.copyOf(attributes);
    reasons = List.copyOf(reasons);
  }

  /** Both findings together; on a clash of names the other's figure wins. */
  public Evidence and(Evidence other) {
    if (other.attributes.isEmpty() && other.reasons.isEmpty()) {
      return this;
    }
    Map<String, Double> a = new HashMap<>(attributes);
    a.putAll(other.attributes);
    List<Reason> r = new ArrayList<>(reasons);
    r.addAll(other.reasons);
    return new Evidence(a, r);
  }

  /** Finds evidence about declarations; must be thread-safe and should not throw. */
  @FunctionalInterface
  public interface Source {
    /** No evidence at all. */
    Source NONE = d -> Evidence.NONE;

    Evidence about(org.riskgate.core.Declaration declaration);
  }
}
