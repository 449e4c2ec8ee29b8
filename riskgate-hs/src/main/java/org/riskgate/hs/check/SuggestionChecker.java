package org.riskgate.hs.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.Nomenclature;
import org.riskgate.hs.Suggestion;
import org.riskgate.core.evidence.Phrase;

/**
 * Checks declarations against the suggester's view of the description.
 *
 * <p>Mismatch: the probability the suggester puts on the declared heading, relative to the most
 * likely heading, gives {@code mismatchScore = 1 - p(declared)/p(best)}; the line is a mismatch
 * when the declared heading is not among the top {@link Thresholds#topK} suggestions and the
 * declared chapter holds less than {@link Thresholds#chapterMass} of the probability. Review object: the declared code
 * carries no requirement, the best suggestion carries one, and the suggestions carrying that
 * requirement hold at least {@link Thresholds#requirementMass} of the probability.
 */
public final class SuggestionChecker implements HsChecker {

  /**
   * Decision thresholds, chosen on the "blind-cal" half of the check evaluation set (docs/hs.md
   * shows the grid); the chapter-mass condition is off by default (1.0) because near
   * misdeclarations, within the true chapter, are the common case.
   *
   * @param chapterMass below this share of probability on the declared chapter, a declared heading
   *     outside the top five is a mismatch
   * @param requirementMass minimum probability on codes with the requirement to flag a review object
   * @param topK the declared heading is plausible when it appears among this many suggestions
   */
  public record Thresholds(double chapterMass, double requirementMass, int topK) {
    /** Checks ranges. */
    public Thresholds {
      if (topK < 1 || topK > DEPTH || chapterMass < 0 || requirementMass < 0) {
        throw new IllegalArgumentException("thresholds out of range");
      }
    }

    /** The defaults. */
    public static Thresholds defaults() {
      return new Thresholds(1.0, 0.20, 5);
    }
  }

  private static final int DEPTH = 10;

  private final HsSuggester suggester;
  private final RequirementTable table;
  private final Nomenclature nomenclature;
  private final Thresholds thresholds;

  /** Creates a checker with default thresholds. */
  public SuggestionChecker(HsSuggester suggester, RequirementTable table, Nomenclature nomenclature) {
    this(suggester, table, nomenclature, Thresholds.defaults());
  }

  /** Creates a checker. */
  public SuggestionChecker(
      HsSuggester suggester, RequirementTable table, Nomenclature nomenclature, Thresholds thresholds) {
    this.suggester = suggester;
    this.table = table;
    this.nomenclature = nomenclature;
    this.thresholds = thresholds;
  }

  @Override
  public HsCheck check(String description, HsCode declared) {
    List<Suggestion> s = suggester.suggest(description, DEPTH);
    if (!nomenclature.isKnown(declared)) {
      // a code that does not exist cannot be plausible, whatever the description says
      return checked(true, 1, Optional.empty(), false, List.of(s.isEmpty()
          ? Phrase.of(HsCheck.FINDINGS, "hs.not_hs2022", declared.toString())
          : Phrase.of(HsCheck.FINDINGS, "hs.not_hs2022.suggested", declared.toString(),
              s.stream().limit(3).map(x -> x.subheading().digits()).collect(Collectors.joining(", ")))), s);
    }
    if (s.isEmpty()) {
      return checked(false, 0, Optional.empty(), false,
          List.of(Phrase.of(HsCheck.FINDINGS, "hs.no_evidence", declared.toString())), s);
    }
    String declaredHeading = declared.heading().orElse(declared.chapter());
    Map<String, Double> byHeading = new HashMap<>();
    Map<String, Double> byChapter = new HashMap<>();
    for (Suggestion x : s) {
      byHeading.merge(x.heading(), x.confidence(), Double::sum);
      byChapter.merge(x.chapter(), x.confidence(), Double::sum);
    }
    double best = byHeading.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double pDeclared = declared.heading().isPresent()
        ? byHeading.getOrDefault(declaredHeading, 0.0)
        : byChapter.getOrDefault(declared.chapter(), 0.0);
    double score = best <= 0 ? 0 : Math.max(0, Math.min(1, 1 - pDeclared / best));
    boolean inTopK = s.stream().limit(thresholds.topK())
        .anyMatch(x -> x.subheading().digits().startsWith(declaredHeading));
    boolean mismatch = !inTopK && byChapter.getOrDefault(declared.chapter(), 0.0) < thresholds.chapterMass();

    List<String> declaredReq = table.requirementsOf(declared);
    Suggestion top = s.get(0);
    List<String> topReq = table.requirementsOf(top.subheading());
    Optional<String> requirement = Optional.empty();
    boolean review = false;
    if (declaredReq.isEmpty() && !topReq.isEmpty()) {
      String req = topReq.get(0);
      double mass = s.stream().filter(x -> table.requirementsOf(x.subheading()).contains(req))
          .mapToDouble(Suggestion::confidence).sum();
      if (mass >= thresholds.requirementMass()) {
        review = true;
        requirement = Optional.of(String.join("; ", topReq));
      }
    }
    List<Phrase> words = new java.util.ArrayList<>();
    // the description's words behind the top suggestion, told once
    String evidence = top.evidence().isEmpty() ? "" : " [" + top.evidence().get(0) + "]";
    if (mismatch) {
      Optional<String> heading = nomenclature.find(new HsCode(declaredHeading)).map(n -> shorten(n.description()));
      words.add(Phrase.of(HsCheck.FINDINGS, heading.isPresent() ? "hs.implausible" : "hs.implausible.unknown_heading",
          declared.toString(), heading.orElse(""), p2(pDeclared), p2(best), top.heading(),
          s.stream().limit(3).map(x -> x.subheading().digits()).collect(Collectors.joining(", ")), evidence));
    }
    if (review) {
      words.add(Phrase.of(HsCheck.FINDINGS, "hs.review_object", top.subheading().toString(),
          shorten(top.description()), p2(top.confidence()), requirement.orElseThrow(), mismatch ? "" : evidence));
    }
    return checked(mismatch, score, requirement, review, words, s);
  }

  /** A check whose reason is its words in English. */
  private static HsCheck checked(boolean mismatch, double score, Optional<String> requirement, boolean review,
      List<Phrase> words, List<Suggestion> s) {
    return new HsCheck(mismatch, score, requirement, review,
        words.stream().map(Phrase::english).collect(Collectors.joining("; ")), words, s);
  }

  private static String p2(double p) {
    return String.format(java.util.Locale.ROOT, "%.2f", p);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
