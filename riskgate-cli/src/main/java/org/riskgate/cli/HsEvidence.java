package org.riskgate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskgate.core.Declaration;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsCode;
import org.riskgate.selectivity.Evidence;
import org.riskgate.selectivity.Reason;

/**
 * The HS code check as evidence for a decision: whether the declared code fits the description,
 * and whether the goods look like a review object declared as a general import.
 */
final class HsEvidence implements Evidence.Source {
  private final HsChecker checker;

  HsEvidence(HsChecker checker) {
    this.checker = checker;
  }

  @Override
  public Evidence about(Declaration d) {
    if (d.description().isBlank()) {
      return Evidence.NONE;
    }
    HsCheck c;
    try {
      c = checker.check(d.description(), HsCode.parse(d.hsCode()));
    } catch (IllegalArgumentException e) {
      // InvalidDescriptionException (empty, huge or binary text) and codes that cannot be parsed
      return new Evidence(Map.of(), List.of(new Reason("hs", "HS check skipped: " + e.getMessage(), 0)));
    }
    List<Reason> reasons = new ArrayList<>();
    if (c.mismatch() || c.reviewObjectFlag()) {
      reasons.add(new Reason("hs", c.reason(), 0));
    }
    return new Evidence(Map.of(
        "hs.mismatch", c.mismatch() ? 1.0 : 0.0,
        "hs.mismatch_score", c.mismatchScore(),
        "hs.review_object", c.reviewObjectFlag() ? 1.0 : 0.0), reasons);
  }
}
