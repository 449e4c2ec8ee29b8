package org.riskgate.server.api;

import java.util.List;

/**
 * A request the API refuses with a given status and message, and optional details (e.g. the
 * rejected rows of a batch).
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final List<?> details;

  public ApiException(int status, String message, List<?> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public ApiException(int status, String message) {
    this(status, message, List.of());
  }

  public int status() {
    return status;
  }

  public List<?> details() {
    return details;
  }
}
