package org.riskgate.server;

import java.time.Duration;

/**
 * How much the server takes on before it refuses, so that overload and hostile uploads cost a
 * quick refusal instead of memory or latency for everyone.
 *
 * @param maxConcurrent requests handled at once; more wait in the queue
 * @param maxQueued requests waiting for a slot; beyond that, 503 with {@code Retry-After}
 * @param queueWait how long a queued request waits for a slot before it is answered 503
 * @param tokenRate requests a second one API token may make on average (429 beyond)
 * @param tokenBurst requests one API token may make at once, above its rate
 * @param imageDecoders document images decoded at once (each may take hundreds of MB)
 * @param tokenTtl how long a new API token lives unless asked for less
 * @param maxBatchRows rows one CSV batch may have
 * @param rejectsShown rejected rows listed in an answer; all of them go to a rejects file
 */
public record ServerLimits(int maxConcurrent, int maxQueued, Duration queueWait, double tokenRate, int tokenBurst,
    int imageDecoders, Duration tokenTtl, int maxBatchRows, int rejectsShown) {

  public ServerLimits {
    if (maxConcurrent < 1 || maxQueued < 0 || queueWait.isNegative()) {
      throw new IllegalArgumentException("at least one request at a time, and no negative queue");
    }
    if (!(tokenRate > 0) || tokenBurst < 1) {
      throw new IllegalArgumentException("token rate and burst must be positive");
    }
    if (imageDecoders < 1 || maxBatchRows < 1 || rejectsShown < 0) {
      throw new IllegalArgumentException("image decoders and batch rows must be positive");
    }
  }

  /**
   * Defaults for one machine: 64 requests at once and 256 waiting (up to 2 s), 600 requests a
   * second per token (bursts of 1,200), tokens living 90 days, batches of up to 200,000 rows,
   * and as many image decoders as the heap holds at {@link #BYTES_PER_PIXEL} for the largest
   * image allowed.
   */
  public static ServerLimits defaults(long maxImagePixels) {
    return new ServerLimits(64, 256, Duration.ofSeconds(2), 600, 1200, decodersFor(maxImagePixels),
        Duration.ofDays(90), 200_000, 100);
  }

  /**
   * Heap one decoded page takes per pixel while it is checked, measured on a 39-megapixel PNG:
   * the decoded image, its grey copy and the detector's working planes.
   */
  public static final long BYTES_PER_PIXEL = 12;

  /** Decoders that fit in half the heap, at least one, at most the processors. */
  static int decodersFor(long maxImagePixels) {
    long fit = Runtime.getRuntime().maxMemory() / 2 / (maxImagePixels * BYTES_PER_PIXEL);
    return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fit));
  }

  public ServerLimits withImageDecoders(int n) {
    return new ServerLimits(maxConcurrent, maxQueued, queueWait, tokenRate, tokenBurst, n, tokenTtl, maxBatchRows,
        rejectsShown);
  }

  public ServerLimits withAdmission(int concurrent, int queued, Duration wait) {
    return new ServerLimits(concurrent, queued, wait, tokenRate, tokenBurst, imageDecoders, tokenTtl, maxBatchRows,
        rejectsShown);
  }

  public ServerLimits withTokenRate(double rate, int burst) {
    return new ServerLimits(maxConcurrent, maxQueued, queueWait, rate, burst, imageDecoders, tokenTtl, maxBatchRows,
        rejectsShown);
  }

  public ServerLimits withBatches(int rows, int shown) {
    return new ServerLimits(maxConcurrent, maxQueued, queueWait, tokenRate, tokenBurst, imageDecoders, tokenTtl, rows,
        shown);
  }
}
