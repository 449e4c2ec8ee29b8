package org.riskgate.server.checks;

import java.util.List;
import org.riskgate.documents.RegionResult;
import org.riskgate.documents.VerificationReport;

/**
 * A document check as stored and shown: the verifier's report flattened, verdicts by name, so it
 * reads back from JSON without the verifier's types.
 *
 * @param reason one line for the analyst
 * @param regions the stamps and signatures found, with their boxes in page pixels
 */
public record DocumentReport(String issuer, String method, boolean suspicious, String reason, List<Region> regions) {
  public DocumentReport {
    regions = List.copyOf(regions);
  }

  /**
   * One region found on the page.
   *
   * @param kind {@code stamp} or {@code signature}
   * @param verdict {@code consistent}, {@code suspicious} or {@code no_reference}
   * @param similarity 0 to 100 %, negative when there was no reference
   */
  public record Region(String kind, int x, int y, int width, int height, double confidence, String verdict,
      double similarity) {}

  /** Flattens a verifier report. */
  public static DocumentReport of(VerificationReport r) {
    return new DocumentReport(r.issuer(), r.method(), r.suspicious(), r.reason(), r.regions().stream()
        .map(DocumentReport::region).toList());
  }

  /** The verifier's report again, for the decision's evidence. */
  public VerificationReport toVerification(String document) {
    return new VerificationReport(document, issuer, method, regions.stream().map(g -> new RegionResult(
        new org.riskgate.documents.Detection(org.riskgate.documents.Kind.parse(g.kind()),
            new org.riskgate.documents.Box(g.x(), g.y(), g.width(), g.height()), g.confidence()),
        switch (g.verdict()) {
          case "consistent" -> new org.riskgate.documents.Verdict.Consistent(g.similarity());
          case "suspicious" -> new org.riskgate.documents.Verdict.Suspicious(g.similarity());
          default -> new org.riskgate.documents.Verdict.NoReference();
        })).toList());
  }

  private static Region region(RegionResult g) {
    var b = g.detection().box();
    return new Region(g.detection().kind().label(), b.x(), b.y(), b.width(), b.height(), g.detection().confidence(),
        g.verdict().label(), g.similarity().orElse(-1));
  }
}
