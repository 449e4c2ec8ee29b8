package org.riskgate.risk;

/** A model backend failed (the backend's own error is the cause, when there is one). */
public final class ModelException extends RuntimeException {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
