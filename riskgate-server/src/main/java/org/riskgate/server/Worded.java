package org.riskgate.server;

import java.util.Optional;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.core.evidence.RefusedException;

/**
 * An exception that has words for a page: a code of a message bundle with its arguments, which a
 * page renders in the user's language; its message stays the English that the API answers with.
 */
public interface Worded {
  /** The words, when the exception was given a code; empty for a message in English only. */
  Optional<Phrase> words();

  /** The words of any exception: a {@link Worded} one's, a refusal's, or none. */
  static Optional<Phrase> of(Throwable e) {
    return switch (e) {
      case Worded w -> w.words();
      case RefusedException r -> Optional.of(r.words());
      default -> Optional.empty();
    };
  }
}
