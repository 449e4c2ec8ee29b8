package org.riskgate.hs;

import java.util.List;
import java.util.Optional;
import org.riskgate.core.evidence.Phrase;

/**
 * The result of checking one declaration line: usable as risk-model features (the booleans and the
 * score) and as a lane reason ({@code reason}).
 *
 * @param mismatch whether the declared code is implausible for the description
 * @param mismatchScore 0 when the declared heading is the most likely one, towards 1 the less
 *     probability the suggester puts on the declared heading
 * @param requirement the review requirement of the most likely code when the declared code carries
 *     none, e.g. "animal quarantine"; empty otherwise
 * @param reviewObjectFlag whether the line looks like a review object declared as general import
 * @param reason one human-readable sentence with the evidence, empty when nothing was flagged
 *     (the {@code words} in English, joined by "; ")
 * @param words what was flagged, one phrase of {@link #FINDINGS} each, for every language it has
 * @param suggested the suggestions the decision was based on
 */
public record HsCheck(
    boolean mismatch,
    double mismatchScore,
    Optional<String> requirement,
    boolean reviewObjectFlag,
    String reason,
    List<Phrase> words,
    List<Suggestion> suggested) {
  /** The HS module's bundle of what its checks tell the analyst. */
  public static final String FINDINGS = "org.riskgate.hs.findings";

  /** Copies the lists and checks the score's range. */
  public HsCheck {
    words = List.copyOf(words);
    suggested = List.copyOf(suggested);
    if (!(mismatchScore >= 0 && mismatchScore <= 1)) {
      throw new IllegalArgumentException("mismatchScore must lie in [0,1]: " + mismatchScore);
    }
  }
}
