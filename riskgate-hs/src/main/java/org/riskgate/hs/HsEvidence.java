package org.riskgate.hs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;

/**
 * The HS checks as evidence for a decision. Figures: {@code hs.not_in_nomenclature} (1 when the
 * declared code is no HS 2022 code — known without a description), and with a description {@code
 * hs.mismatch}, {@code hs.mismatch_score} and {@code hs.review_object}. Findings: an unknown code,
 * a mismatch or a mismatch score of at least {@link #MISMATCH_REASON}, a review object.
 */
public final class HsEvidence implements EvidenceSource {
  /** From this mismatch score on the goods look unlike the declared code enough to tell the analyst. */
  public static final double MISMATCH_REASON = 0.9;

  private final Nomenclature nomenclature;
  private final HsChecker checker;

  public HsEvidence(HsToolkit toolkit) {
    this(toolkit.nomenclature(), toolkit.checker());
  }

  public HsEvidence(Nomenclature nomenclature, HsChecker checker) {
    this.nomenclature = nomenclature;
    this.checker = checker;
  }

  @Override
  public Evidence about(Declaration d) {
    java.util.Optional<HsCode> code = HsCode.tryParse(d.hsCode());
    if (code.isEmpty()) {
      return new Evidence(Map.of("hs.not_in_nomenclature", 1.0),
          List.of(Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.unreadable", d.hsCode())));
    }
    boolean known = nomenclature.isKnown(code.get());
    Map<String, Double> figures = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    figures.put("hs.not_in_nomenclature", known ? 0.0 : 1.0);
    if (d.description().isBlank()) {
      if (!known) {
        findings.add(Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.not_hs2022", code.get().toString()));
      }
      return new Evidence(figures, findings);
    }
    HsCheck c;
    try {
      c = checker.check(d.description(), code.get());
    } catch (IllegalArgumentException e) {
      // an empty, huge or binary description
      if (!known) {
        findings.add(Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.not_hs2022", code.get().toString()));
      }
      findings.add(Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.skipped", e.getMessage()));
      return new Evidence(figures, findings);
    }
    figures.put("hs.mismatch", c.mismatch() ? 1.0 : 0.0);
    figures.put("hs.mismatch_score", c.mismatchScore());
    figures.put("hs.review_object", c.reviewObjectFlag() ? 1.0 : 0.0);
    if (!c.words().isEmpty() && (c.mismatch() || c.reviewObjectFlag() || !known)) {
      c.words().forEach(w -> findings.add(Finding.of(EvidenceKind.HS, w)));
    } else if (c.mismatchScore() >= MISMATCH_REASON) {
      String score = String.format(Locale.ROOT, "%.3f", c.mismatchScore());
      findings.add(c.suggested().isEmpty()
          ? Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.unlike", code.get().toString(), score)
          : Finding.of(EvidenceKind.HS, HsCheck.FINDINGS, "hs.unlike.suggested", code.get().toString(), score,
              c.suggested().get(0).subheading().digits()));
    }
    return new Evidence(figures, findings);
  }
}
