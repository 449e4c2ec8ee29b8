package org.riskgate.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Overload, open loop: single declarations ({@code POST /api/v1/declarations}) sent on a fixed
 * schedule far above what the server can score, spread over several API tokens (so admission
 * control, not the per-token rate, is what refuses) over 400 connections, while a probe calls {@code GET
 * /api/health} and {@code GET /api/v1/rules} every 100 ms; then a recovery phase at a rate the
 * server can carry. Latencies are measured from when each request was due (what a client on
 * that schedule sees, queueing in the client included), and answer times from when it was sent.
 *
 * <pre>
 * java -cp ... org.riskgate.server.bench.OverloadLoad URL USER PASSWORD [rate/s=3000] [seconds=30] [tokens=8]
 * </pre>
 */
public final class OverloadLoad {
  static final int CONNECTIONS = 400;

  private OverloadLoad() {}

  record Result(long[] latencies, long[] service, long ok, long refused503, long limited429, long errors, double seconds,
      java.util.Map<String, Long> errorKinds) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    int tokenCount = args.length > 5 ? Integer.parseInt(args[5]) : 8;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < tokenCount; i++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"username\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\",\"label\":\"overload\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      tokens.add(r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
    }
    String run = Long.toString(System.currentTimeMillis(), 36);
    // the probe has its own client (own connections and threads), as a monitoring system would
    Probe probe = new Probe(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build(), base, tokens.get(0));
    Thread prober = Thread.ofPlatform().daemon().start(probe);
    Result over = run(http, base, tokens, rate, seconds, run + "o");
    probe.phase("recovery");
    Result rec = run(http, base, tokens, 50, 10, run + "r");
    probe.stop = true;
    prober.join();
    System.out.println("load average (1, 5, 15 min) at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.printf(Locale.ROOT, "| phase | target | achieved | requests | 201 | 503 | 429 | errors | p50 ms | p99 ms | max ms"
        + " | answer p50 ms | answer p99 ms | answer max ms |%n");
    System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
    row("overload", rate, over);
    row("recovery", 50, rec);
    System.out.printf(Locale.ROOT, "%n| probe | phase | probes | failed | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|---|---|%n");
    probe.print();
  }

  private static void row(String phase, int rate, Result r) {
    long[] l = r.latencies();
    long[] a = r.service();
    System.out.printf(Locale.ROOT, "| %s | %d/s | %.0f/s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
        phase, rate, l.length / r.seconds(), l.length, r.ok(), r.refused503(), r.limited429(), r.errors(), ms(l, 0.50),
        ms(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6, ms(a, 0.50), ms(a, 0.99), a.length == 0 ? 0 : a[a.length - 1] / 1e6);
    if (!r.errorKinds().isEmpty()) {
      System.out.println("|   errors in " + phase + ": " + r.errorKinds() + " |");
    }
  }

  /**
   * Sends {@code rate} requests a second for {@code seconds} over at most {@link #CONNECTIONS}
   * connections (one virtual thread each; a client that opens a connection per request collapses
   * before the server does). A request waits for a free connection when all are busy; its
   * latency still counts from when it was due.
   */
  private static Result run(HttpClient http, String base, List<String> tokens, int rate, int seconds, String prefix)
      throws Exception {
    long total = (long) rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long[] latencies = new long[(int) total];
    long[] service = new long[(int) total];
    AtomicLong next = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong r503 = new AtomicLong();
    AtomicLong r429 = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    java.util.Map<String, Long> kinds = new java.util.concurrent.ConcurrentHashMap<>();
    long start = System.nanoTime();
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < Math.min(CONNECTIONS, total); c++) {
      senders.add(Thread.ofVirtual().start(() -> {
        for (long i; (i = next.getAndIncrement()) < total; ) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          String body = String.format(Locale.ROOT, "{\"id\":\"O%s-%d\",\"date\":\"2021-04-01\",\"officeId\":\"30\","
              + "\"importerId\":\"IMP%d\",\"hsCode\":\"440890\",\"originCountry\":\"CN\",\"taxRate\":8,"
              + "\"netMass\":%d,\"itemPrice\":%d}", prefix, i, i % 997, 10 + i % 1000, 1000 + (i * 37) % 100000);
          HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/declarations"))
              .header("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
          long sent = System.nanoTime();
          try {
            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            switch (status) {
              case 201 -> ok.incrementAndGet();
              case 503 -> r503.incrementAndGet();
              case 429 -> r429.incrementAndGet();
              default -> {
                errors.incrementAndGet();
                kinds.merge("HTTP " + status, 1L, Long::sum);
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            kinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
          }
          long done = System.nanoTime();
          latencies[(int) i] = done - due;
          service[(int) i] = done - sent;
        }
      }));
    }
    for (Thread t : senders) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    java.util.Arrays.sort(latencies);
    java.util.Arrays.sort(service);
    return new Result(latencies, service, ok.get(), r503.get(), r429.get(), errors.get(), elapsed, kinds);
  }

  /** Calls the health probe and a cheap API read every 100 ms, per phase. */
  private static final class Probe implements Runnable {
    private final HttpClient http;
    private final String base;
    private final String token;
    private volatile String phase = "overload";
    volatile boolean stop;
    private final java.util.Map<String, List<Long>> lat = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Long> failed = new java.util.LinkedHashMap<>();

    Probe(HttpClient http, String base, String token) {
      this.http = http;
      this.base = base;
      this.token = token;
    }

    void phase(String p) {
      phase = p;
    }

    @Override
    public void run() {
      while (!stop) {
        call("GET /api/health", HttpRequest.newBuilder(URI.create(base + "/api/health")));
        call("GET /api/v1/rules", HttpRequest.newBuilder(URI.create(base + "/api/v1/rules"))
            .header("Authorization", "Bearer " + token));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }

    private void call(String what, HttpRequest.Builder b) {
      String key = what + " | " + phase;
      long t = System.nanoTime();
      boolean good;
      try {
        good = http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200;
      } catch (Exception e) {
        good = false;
      }
      synchronized (this) {
        lat.computeIfAbsent(key, k -> new ArrayList<>()).add(System.nanoTime() - t);
        failed.merge(key, good ? 0L : 1L, Long::sum);
      }
    }

    synchronized void print() {
      for (var e : lat.entrySet()) {
        long[] l = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", e.getKey(), l.length, failed.get(e.getKey()),
            ms(l, 0.5), ms(l, 0.99), l[l.length - 1] / 1e6);
      }
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
