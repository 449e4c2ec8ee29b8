package org.riskgate.risk;

/** A model backend failed; the backend's own error is the cause. */
public final class ModelException extends RuntimeException {
  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
