package org.riskgate.server;

import java.util.Optional;
import org.riskgate.core.evidence.Phrase;

/** What was asked for does not exist (404). */
public final class NotFoundException extends RuntimeException implements Worded {
  private final transient Phrase words;

  /** Not found, in words a page says in the user's language; the message is their English. */
  public NotFoundException(Phrase words) {
    super(words.english());
    this.words = words;
  }

  @Override
  public Optional<Phrase> words() {
    return Optional.of(words);
  }
}
