package org.riskgate.server.auth;

import java.util.Optional;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.server.Worded;

/** The caller is not authenticated (401) or not allowed (403). */
public final class AuthException extends RuntimeException implements Worded {
  private final int status;
  private final transient Phrase words;

  public AuthException(int status, String message) {
    this(status, message, null);
  }

  /** A refusal with words a page says in the user's language; the message is their English. */
  public AuthException(int status, Phrase words) {
    this(status, words.english(), words);
  }

  private AuthException(int status, String message, Phrase words) {
    super(message);
    if (status != 401 && status != 403) {
      throw new IllegalArgumentException("status must be 401 or 403");
    }
    this.status = status;
    this.words = words;
  }

  public int status() {
    return status;
  }

  @Override
  public Optional<Phrase> words() {
    return Optional.ofNullable(words);
  }
}
