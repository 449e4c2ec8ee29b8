package org.riskgate.server;

import java.util.Arrays;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.core.evidence.RefusedException;

/**
 * The server's refusals as codes of the UI's message bundle ({@code i18n/messages*.properties},
 * keys {@code refused.*}): a page says them in the user's language, while the English base,
 * which is the message the API gives, keeps the text it always had.
 */
public final class Refusals {
  /** The UI's bundle. */
  public static final String BUNDLE = "i18n.messages";

  private Refusals() {}

  /** A phrase of the UI's bundle; an argument that is neither text nor a phrase is written out. */
  public static Phrase phrase(String code, Object... args) {
    return Phrase.of(BUNDLE, code, Arrays.stream(args).map(a -> a instanceof Phrase ? a : String.valueOf(a)).toArray());
  }

  /** A refused value (400) with its phrase. */
  public static RefusedException refused(String code, Object... args) {
    return new RefusedException(phrase(code, args));
  }
}
