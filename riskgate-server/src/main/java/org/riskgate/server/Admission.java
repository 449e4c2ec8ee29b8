package org.riskgate.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Admission control: at most {@link ServerLimits#maxConcurrent()} requests are handled at once;
 * up to {@link ServerLimits#maxQueued()} more wait (suspended, holding no thread) for at most
 * {@link ServerLimits#queueWait()}; anything beyond is answered 503 with {@code Retry-After}
 * at once, so an overloaded server answers quickly instead of queueing without end. Each API
 * token also has its own rate ({@link #take}), answered 429. The health probe bypasses the queue.
 * Refusals are counted and logged as one summary line per 10 s, never one line per request.
 */
final class Admission implements AutoCloseable {
  static final String HEALTH = "/api/health";
  private static final System.Logger LOG = System.getLogger(Admission.class.getName());
  private final ServerLimits limits;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong limited = new AtomicLong();
  private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "riskgate-admission-report");
    t.setDaemon(true);
    return t;
  });

  Admission(ServerLimits limits) {
    this.limits = limits;
    reporter.scheduleAtFixedRate(this::report, 10, 10, TimeUnit.SECONDS);
  }

  /** The Jetty handler that bounds concurrency and the queue. */
  QoSHandler handler() {
    QoSHandler qos = new QoSHandler() {
      @Override
      protected void reject(Request request, Response response, Callback callback, int status) {
        refuse(request, response, callback);
      }

      @Override
      protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable why) {
        refuse(request, response, callback);
      }
    };
    qos.setMaxRequestCount(limits.maxConcurrent());
    qos.setMaxSuspendedRequestCount(limits.maxQueued());
    qos.setMaxSuspend(limits.queueWait().isZero() ? Duration.ofMillis(1) : limits.queueWait());
    qos.setRejectStatusCode(503);
    qos.excludePath(HEALTH);
    return qos;
  }

  /**
   * A 503 for a request that found no slot, answered here as the routes would (they are not
   * reached): the styled page to a browser asking for HTML, the API's JSON to anything else.
   */
  private void refuse(Request request, Response response, Callback callback) {
    refused.incrementAndGet();
    String accept = request.getHeaders().get("Accept");
    boolean page = !Request.getPathInContext(request).startsWith("/api/") && RiskgateServer.wantsHtml(accept);
    String body = page
        ? org.riskgate.server.web.WebRoutes.refusedPage(request.getHeaders().get("Accept-Language"), 503, 1)
        : RiskgateServer.refusalJson(503, "the server is busy: try again shortly", 1);
    response.setStatus(503);
    response.getHeaders().put("Retry-After", "1");
    response.getHeaders().put("Cache-Control", "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.getHeaders().put("Content-Type", page ? "text/html; charset=utf-8" : "application/json");
    response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
  }

  /**
   * Takes one request from an API token's allowance.
   *
   * @throws RetryLater 429 when the token has used up its burst, with the wait until it may go on
   */
  void take(String tokenKey) {
    Bucket b = buckets.computeIfAbsent(tokenKey, k -> new Bucket(limits.tokenBurst()));
    double wait = b.take(System.nanoTime(), limits.tokenRate(), limits.tokenBurst());
    if (wait > 0) {
      limited.incrementAndGet();
      throw new RetryLater(429, (long) Math.ceil(wait), "this API token exceeds " + (long) limits.tokenRate()
          + " requests a second");
    }
  }

  /** A token bucket: refills at the rate, holds at most the burst. */
  private static final class Bucket {
    private double tokens;
    private long at = System.nanoTime();

    Bucket(int burst) {
      this.tokens = burst;
    }

    /** 0 when taken, else seconds until one is there. */
    synchronized double take(long now, double rate, int burst) {
      tokens = Math.min(burst, tokens + (now - at) / 1e9 * rate);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / rate;
    }
  }

  private void report() {
    long r = refused.getAndSet(0);
    long l = limited.getAndSet(0);
    if (r > 0 || l > 0) {
      LOG.log(System.Logger.Level.WARNING, "overload: " + r + " requests refused (503, queue full or waited too long)"
          + " and " + l + " refused (429, token rate) in the last 10 s, to " + Instant.now());
    }
    if (buckets.size() > 100_000) {
      buckets.clear(); // only live tokens get here; this many means churn, and a fresh bucket is a full one
    }
  }

  @Override
  public void close() {
    reporter.shutdownNow();
  }
}
