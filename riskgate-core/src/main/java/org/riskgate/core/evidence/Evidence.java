package org.riskgate.core.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks beside the model found about one declaration: named figures that analysts'
 * rules can test ({@code hs.mismatch_score}, {@code docs.suspicious}, {@code importer.hit_rate})
 * and findings shown on the decision.
 *
 * @param figures named figures; a name is {@code check.what}, e.g. {@code hs.not_in_nomenclature}
 * @param findings what to tell the analyst
 */
public record Evidence(Map<String, Double> figures, List<Finding> findings) {
  /** Nothing found. */
  public static final Evidence NONE = new Evidence(Map.of(), List.of());

  public Evidence {
    figures = Map.copyOf(figures);
    findings = List.copyOf(findings);
  }

  /** Both together; on a clash of names the other's figure wins. */
  public Evidence and(Evidence other) {
    if (other.figures.isEmpty() && other.findings.isEmpty()) {
      return this;
    }
    if (figures.isEmpty() && findings.isEmpty()) {
      return other;
    }
    Map<String, Double> f = new HashMap<>(figures);
    f.putAll(other.figures);
    List<Finding> r = new ArrayList<>(findings);
    r.addAll(other.findings);
    return new Evidence(f, r);
  }
}
