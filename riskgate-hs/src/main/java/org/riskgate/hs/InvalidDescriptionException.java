package org.riskgate.hs;

/** An item description that cannot be classified: empty, longer than 10 kB, or binary data. */
public final class InvalidDescriptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the problem. */
  public InvalidDescriptionException(String message) {
    super(message);
  }
}
