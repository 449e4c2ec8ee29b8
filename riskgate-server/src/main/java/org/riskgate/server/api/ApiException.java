package org.riskgate.server.api;

import java.util.List;
import java.util.Optional;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.server.Worded;

/**
 * A request the API refuses with a given status and message, and optional details (e.g. the
 * rejected rows of a batch).
 */
public final class ApiException extends RuntimeException implements Worded {
  private final int status;
  private final List<?> details;
  private final transient Phrase words;

  public ApiException(int status, String message, List<?> details) {
    this(status, message, details, null);
  }

  public ApiException(int status, String message) {
    this(status, message, List.of());
  }

  /** A refusal with words a page says in the user's language; the message is their English. */
  public ApiException(int status, Phrase words) {
    this(status, words.english(), List.of(), words);
  }

  private ApiException(int status, String message, List<?> details, Phrase words) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
    this.words = words;
  }

  public int status() {
    return status;
  }

  public List<?> details() {
    return details;
  }

  @Override
  public Optional<Phrase> words() {
    return Optional.ofNullable(words);
  }
}
