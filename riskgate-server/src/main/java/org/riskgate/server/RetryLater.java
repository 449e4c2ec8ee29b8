package org.riskgate.server;

/**
 * A request refused for now, not for good: the server is saturated (503) or the caller is
 * going too fast (429). The answer carries {@code Retry-After} with {@link #retryAfterSeconds}.
 */
public final class RetryLater extends RuntimeException {
  private final int status;
  private final long retryAfterSeconds;

  public RetryLater(int status, long retryAfterSeconds, String message) {
    super(message);
    if (status != 429 && status != 503) {
      throw new IllegalArgumentException("status must be 429 or 503");
    }
    this.status = status;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
