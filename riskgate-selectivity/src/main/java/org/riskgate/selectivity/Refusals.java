package org.riskgate.selectivity;

import org.riskgate.core.evidence.Phrase;
import org.riskgate.core.evidence.RefusedException;

/**
 * Refused capacities and watchlists as codes of {@link #BUNDLE}
 * ({@code org/riskgate/selectivity/refusals*.properties}), so that a page says them in the
 * analyst's language while the API keeps their English.
 */
public final class Refusals {
  /** The refusals' bundle. */
  public static final String BUNDLE = "org.riskgate.selectivity.refusals";

  private Refusals() {}

  /** A phrase of the bundle from its code and arguments (text or phrases). */
  public static Phrase words(String code, Object... args) {
    return Phrase.of(BUNDLE, code, args);
  }

  /** A refusal from its code and arguments. */
  public static RefusedException refused(String code, Object... args) {
    return new RefusedException(words(code, args));
  }
}
