package org.riskgate.core.evidence;

import java.time.LocalDate;
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
 * @param asOf for a check that reads a snapshot rebuilt now and then rather than live data (the
 *     trader network on the server), the day its snapshot was taken, by the check's {@link
 *     EvidenceKind#label label}: the decision keeps it, so a figure can be traced to its snapshot
 */
public record Evidence(Map<String, Double> figures, List<Finding> findings, Map<String, LocalDate> asOf) {
  /** Nothing found. */
  public static final Evidence NONE = new Evidence(Map.of(), List.of());

  public Evidence {
    figures = Map.copyOf(figures);
    findings = List.copyOf(findings);
    asOf = Map.copyOf(asOf);
  }

  /** Evidence read from live data. */
  public Evidence(Map<String, Double> figures, List<Finding> findings) {
    this(figures, findings, Map.of());
  }

  /** Both together; on a clash of names the other's figure (and snapshot day) wins. */
  public Evidence and(Evidence other) {
    if (other.figures.isEmpty() && other.findings.isEmpty() && other.asOf.isEmpty()) {
      return this;
    }
    if (figures.isEmpty() && findings.isEmpty() && asOf.isEmpty()) {
      return other;
    }
    Map<String, Double> f = new HashMap<>(figures);
    f.putAll(other.figures);
    List<Finding> r = new ArrayList<>(findings);
    r.addAll(other.findings);
    Map<String, LocalDate> days = new HashMap<>(asOf);
    days.putAll(other.asOf);
    return new Evidence(f, r, days);
  }
}
