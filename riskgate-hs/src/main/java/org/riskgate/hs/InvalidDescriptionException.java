package org.riskgate.hs;

import org.riskgate.core.evidence.Phrase;
import org.riskgate.core.evidence.RefusedException;

/**
 * An item description that cannot be classified: empty, longer than 10 kB, or binary data. Its
 * words are a code of {@link #BUNDLE} ({@code org/riskgate/hs/refusals*.properties}), so that a
 * page says it in the analyst's language while the API and the CLI keep the English.
 */
public final class InvalidDescriptionException extends RefusedException {
  /** The refusals' bundle. */
  public static final String BUNDLE = "org.riskgate.hs.refusals";
  private static final long serialVersionUID = 1L;

  /** Creates the refusal from its code in {@link #BUNDLE} and the pattern's arguments. */
  public InvalidDescriptionException(String code, String... args) {
    super(Phrase.of(BUNDLE, code, (Object[]) args));
  }
}
