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
   * @param text a stamp's text as read against the reference's; reports stored before the text
   *     check read back as not checked
   */
  public record Region(String kind, int x, int y, int width, int height, double confidence, String verdict,
      double similarity, Text text) {
    public Region {
      text = text == null ? Text.NOT_CHECKED : text;
    }
  }

  /**
   * The stamp text check ({@link org.riskgate.documents.TextCheck}) flattened.
   *
   * @param check {@code matches}, {@code differs}, {@code unreadable}, {@code ocr_unavailable} or
   *     {@code not_checked}
   * @param read the page's text as read, when it was
   * @param registered the reference's text, when it was compared
   * @param edits letters that differ ({@code differs} only)
   * @param why why no comparison was made ({@code unreadable}, {@code ocr_unavailable})
   */
  public record Text(String check, String read, String registered, int edits, String why) {
    static final Text NOT_CHECKED = new Text("not_checked", "", "", 0, "");

    static Text of(org.riskgate.documents.TextCheck t) {
      return switch (t) {
        case org.riskgate.documents.TextCheck.Matches m -> new Text(t.label(), m.read(), m.registered(), 0, "");
        case org.riskgate.documents.TextCheck.Differs d -> new Text(t.label(), d.read(), d.registered(), d.edits(), "");
        case org.riskgate.documents.TextCheck.Unreadable u -> new Text(t.label(), "", "", 0, u.why());
        case org.riskgate.documents.TextCheck.OcrUnavailable u -> new Text(t.label(), "", "", 0, u.why());
        case org.riskgate.documents.TextCheck.NotChecked n -> NOT_CHECKED;
      };
    }

    org.riskgate.documents.TextCheck toCheck() {
      return switch (check) {
        case "matches" -> new org.riskgate.documents.TextCheck.Matches(read, registered);
        case "differs" -> new org.riskgate.documents.TextCheck.Differs(read, registered, Math.max(1, edits));
        case "unreadable" -> new org.riskgate.documents.TextCheck.Unreadable(why);
        case "ocr_unavailable" -> new org.riskgate.documents.TextCheck.OcrUnavailable(why);
        default -> new org.riskgate.documents.TextCheck.NotChecked();
      };
    }
  }

  /** Flattens a verifier report. */
  public static DocumentReport of(VerificationReport r) {
    return new DocumentReport(r.issuer(), r.method(), r.suspicious(), r.reason(), r.regions().stream()
        .map(DocumentReport::region).toList());
  }

  /** {@link #reason} as a phrase, for every language the documents' bundle has. */
  public org.riskgate.core.evidence.Phrase words() {
    return toVerification("").words();
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
        }, g.text().toCheck())).toList());
  }

  private static Region region(RegionResult g) {
    var b = g.detection().box();
    return new Region(g.detection().kind().label(), b.x(), b.y(), b.width(), b.height(), g.detection().confidence(),
        g.verdict().label(), g.similarity().orElse(-1), Text.of(g.text()));
  }
}
