package org.riskgate.core.evidence;

/**
 * A value refused with words for an analyst: a code of a module's bundle and its arguments, so
 * that a page says it in the user's language. Its message is the phrase in English, what the API,
 * the command line and the logs read, so a refusal given a code keeps the text it had.
 */
public class RefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient Phrase words;

  public RefusedException(Phrase words) {
    super(words.english());
    this.words = words;
  }

  /** The refusal's code and arguments. */
  public Phrase words() {
    return words;
  }
}
