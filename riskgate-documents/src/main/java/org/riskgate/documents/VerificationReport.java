package org.riskgate.documents;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.riskgate.core.evidence.Phrase;

/**
 * Everything found on one page for one claimed issuer. Made to be used by lane decisions both as a
 * feature ({@link #worstSimilarity()}, {@link #suspicious()}) and as a reason ({@link #reason()}).
 *
 * @param document a name for the page (file name, or a caller's label)
 * @param issuer the issuer the document claims to come from
 * @param method the comparison method that produced the similarities ({@code classical} or {@code cnn})
 * @param regions the regions found, top to bottom, each with its stamp text check
 */
public record VerificationReport(String document, String issuer, String method, List<RegionResult> regions) {
  /** The documents module's bundle of what its checks tell the analyst. */
  public static final String FINDINGS = "org.riskgate.documents.findings";

  /** Checks and copies the arguments. */
  public VerificationReport {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(method, "method");
    regions = List.copyOf(regions);
  }

  /** The lowest similarity over regions that had a reference; empty when none had one. */
  public OptionalDouble worstSimilarity() {
    return regions.stream()
        .map(RegionResult::similarity)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .min();
  }

  /** True when at least one region was judged suspicious. */
  public boolean suspicious() {
    return regions.stream().anyMatch(r -> r.verdict() instanceof Verdict.Suspicious);
  }

  /** True when some stamp's text reads differently from its reference's. */
  public boolean textDiffers() {
    return regions.stream().anyMatch(r -> r.text() instanceof TextCheck.Differs);
  }

  /** True when no stamp and no signature was found at all (itself worth a look on a certificate). */
  public boolean nothingFound() {
    return regions.isEmpty();
  }

  /** One line for an analyst, e.g. {@code stamp 38.2 % suspicious, signature 91.0 % consistent (issuer KR-017)}. */
  public String reason() {
    return words().english();
  }

  /** {@link #reason} as a phrase of {@link #FINDINGS}, for every language it has. */
  public Phrase words() {
    if (regions.isEmpty()) {
      return say("doc.nothing", issuer);
    }
    // regions joined pairwise, so each language keeps its own separator
    Phrase parts = region(regions.get(0));
    for (RegionResult r : regions.subList(1, regions.size())) {
      parts = say("doc.and", parts, region(r));
    }
    return say("doc.regions", parts, issuer);
  }

  private static Phrase region(RegionResult r) {
    Phrase kind = say("kind." + r.detection().kind().label());
    Phrase verdict = say("verdict." + r.verdict().label());
    Phrase text = switch (r.text()) {
      case TextCheck.Differs d -> say("text.differs", d.read(), d.registered());
      case TextCheck.OcrUnavailable u -> say("text.not_read", u.why());
      case TextCheck.Matches m -> say("text.none");
      case TextCheck.Unreadable u -> say("text.none");
      case TextCheck.NotChecked n -> say("text.none");
    };
    return r.similarity().isPresent()
        ? say("region.similarity", kind, String.format(Locale.ROOT, "%.1f", r.similarity().getAsDouble()), verdict, text)
        : say("region", kind, verdict, text);
  }

  private static Phrase say(String code, Object... args) {
    return Phrase.of(FINDINGS, code, args);
  }
}
