package org.riskgate.server.auth;

/** The caller is not authenticated (401) or not allowed (403). */
public final class AuthException extends RuntimeException {
  private final int status;

  public AuthException(int status, String message) {
    super(message);
    if (status != 401 && status != 403) {
      throw new IllegalArgumentException("status must be 401 or 403");
    }
    this.status = status;
  }

  public int status() {
    return status;
  }
}
