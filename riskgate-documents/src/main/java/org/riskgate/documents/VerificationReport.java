package org.riskgate.documents;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

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
    if (regions.isEmpty()) {
      return "no stamp or signature found (issuer " + issuer + ")";
    }
    String parts =
        regions.stream()
            .map(
                r ->
                    r.detection().kind().label()
                        + (r.similarity().isPresent()
                            ? String.format(Locale.ROOT, " %.1f %%", r.similarity().getAsDouble())
                            : "")
                        + " "
                        + r.verdict().label()
                        + textReason(r.text()))
            .collect(Collectors.joining(", "));
    return parts + " (issuer " + issuer + ")";
  }

  private static String textReason(TextCheck t) {
    return switch (t) {
      case TextCheck.Differs d -> " (text reads '" + d.read() + "', registered '" + d.registered() + "')";
      case TextCheck.OcrUnavailable u -> " (text not read: " + u.why() + ")";
      case TextCheck.Matches m -> "";
      case TextCheck.Unreadable u -> "";
      case TextCheck.NotChecked n -> "";
    };
  }
}
