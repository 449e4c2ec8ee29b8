package org.riskgate.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;

/**
 * The document verdicts of a declaration as evidence. Figures, over all its checked pages: {@code
 * docs.checked} (pages), {@code docs.suspicious} (1 when any stamp or signature is suspicious),
 * {@code docs.worst_similarity} (the lowest similarity in %, when any region had a reference), and
 * per kind {@code docs.stamp.suspicious}, {@code docs.stamp.worst_similarity}, {@code
 * docs.signature.suspicious}, {@code docs.signature.worst_similarity}, and {@code
 * docs.text_differs} (1 when some stamp's text, read by OCR, differs from its reference's; see
 * {@link TextCheck}). A finding for each page that is suspicious, on which nothing was found, or
 * whose stamp text differs; its reason line quotes both texts.
 */
public final class DocumentEvidence implements EvidenceSource {
  private final Function<String, List<VerificationReport>> reports;

  /** @param reports the reports of a declaration's pages, by declaration id */
  public DocumentEvidence(Function<String, List<VerificationReport>> reports) {
    this.reports = reports;
  }

  /**
   * Reports from a file of JSON lines, each what {@code riskgate docs verify --json} prints with a
   * {@code declaration_id} added.
   *
   * @throws IllegalArgumentException naming the file, line and field of the first bad line
   */
  public static DocumentEvidence read(java.nio.file.Path file) throws java.io.IOException {
    return parse(java.nio.file.Files.readAllLines(file), file);
  }

  /**
   * As {@link #read}, from the file's lines read elsewhere (Spark ships them to its executors);
   * {@code file} names them in errors and in reports without a document name.
   */
  public static DocumentEvidence parse(List<String> lines, java.nio.file.Path file) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, List<VerificationReport>> byDeclaration = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String at = file + ":" + (i + 1) + ": ";
      try {
        com.fasterxml.jackson.databind.JsonNode o = json.readTree(lines.get(i));
        String id = text(o, "declaration_id", at);
        List<RegionResult> regions = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode g : o.path("regions")) {
          com.fasterxml.jackson.databind.JsonNode b = g.path("box");
          Detection det = new Detection(Kind.parse(text(g, "kind", at)),
              new Box(b.path(0).asInt(), b.path(1).asInt(), b.path(2).asInt(), b.path(3).asInt()),
              g.path("confidence").asDouble());
          Verdict v = switch (text(g, "verdict", at)) {
            case "consistent" -> new Verdict.Consistent(g.path("similarity").asDouble());
            case "suspicious" -> new Verdict.Suspicious(g.path("similarity").asDouble());
            case "no_reference" -> new Verdict.NoReference();
            default -> throw new IllegalArgumentException("field verdict: '" + g.path("verdict").asText()
                + "' is not consistent, suspicious or no_reference");
          };
          regions.add(new RegionResult(det, v, textCheck(g.path("text"))));
        }
        byDeclaration.computeIfAbsent(id, k -> new ArrayList<>()).add(new VerificationReport(
            o.path("document").asText(file.getFileName() + " line " + (i + 1)), o.path("issuer").asText(""),
            o.path("method").asText(""), regions));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(at + "not a JSON object: " + e.getOriginalMessage(), e);
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(at) ? e : new IllegalArgumentException(at + e.getMessage(), e);
      }
    }
    return new DocumentEvidence(id -> byDeclaration.getOrDefault(id, List.of()));
  }

  /** A region's {@code text} object as {@code verify --json} writes it; absent (older reports) is not checked. */
  private static TextCheck textCheck(com.fasterxml.jackson.databind.JsonNode t) {
    if (t.isMissingNode() || t.isNull()) {
      return new TextCheck.NotChecked();
    }
    String read = t.path("read").asText("");
    String registered = t.path("registered").asText("");
    String why = t.path("why").asText("");
    return switch (t.path("check").asText("")) {
      case "matches" -> new TextCheck.Matches(read, registered);
      case "differs" -> new TextCheck.Differs(read, registered, t.path("edits").asInt());
      case "unreadable" -> new TextCheck.Unreadable(why);
      case "ocr_unavailable" -> new TextCheck.OcrUnavailable(why);
      case "not_checked" -> new TextCheck.NotChecked();
      default -> throw new IllegalArgumentException("field text.check: '" + t.path("check").asText()
          + "' is not matches, differs, unreadable, ocr_unavailable or not_checked");
    };
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode o, String field, String at) {
    com.fasterxml.jackson.databind.JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(at + "field " + field + " is missing");
    }
    return v.asText();
  }

  @Override
  public Evidence about(Declaration d) {
    List<VerificationReport> pages = reports.apply(d.id());
    if (pages.isEmpty()) {
      return Evidence.NONE;
    }
    Map<String, Double> figures = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    figures.put("docs.checked", (double) pages.size());
    boolean suspicious = false;
    boolean textDiffers = false;
    for (VerificationReport r : pages) {
      suspicious |= r.suspicious();
      textDiffers |= r.textDiffers();
      if (r.suspicious() || r.nothingFound() || r.textDiffers()) {
        findings.add(Finding.of(EvidenceKind.DOCUMENTS, org.riskgate.core.evidence.Phrase.of(
            VerificationReport.FINDINGS, "doc.page", r.document(), r.words())));
      }
    }
    figures.put("docs.suspicious", suspicious ? 1.0 : 0.0);
    figures.put("docs.text_differs", textDiffers ? 1.0 : 0.0);
    worst(pages, null).ifPresent(w -> figures.put("docs.worst_similarity", w));
    for (Kind k : Kind.values()) {
      boolean any = pages.stream().flatMap(r -> r.regions().stream())
          .anyMatch(g -> g.detection().kind() == k && g.verdict() instanceof Verdict.Suspicious);
      figures.put("docs." + k.label() + ".suspicious", any ? 1.0 : 0.0);
      worst(pages, k).ifPresent(w -> figures.put("docs." + k.label() + ".worst_similarity", w));
    }
    return new Evidence(figures, findings);
  }

  private static OptionalDouble worst(List<VerificationReport> pages, Kind kind) {
    return pages.stream().flatMap(r -> r.regions().stream())
        .filter(g -> kind == null || g.detection().kind() == kind)
        .map(RegionResult::similarity).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min();
  }
}
