package org.riskgate.server;

/** What was asked for does not exist (404). */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
