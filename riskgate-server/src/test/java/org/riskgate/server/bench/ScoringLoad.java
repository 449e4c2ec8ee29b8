package org.riskgate.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on single-declaration scoring ({@code POST /api/v1/declarations}): requests are
 * sent on a fixed schedule whatever the answers do, and each latency is measured from the moment
 * the request was due, so a stalled server cannot hide its queueing (no coordinated omission).
 *
 * <pre>
 * java -cp ... org.riskgate.server.bench.ScoringLoad URL TOKEN [rate/s] [seconds] [warmup seconds] [result every]
 * </pre>
 *
 * <p>With {@code result every} = N, every N-th declaration scored also gets an inspection result
 * recorded ({@code PUT .../result}), as analysts do while traffic flows: each result changes the
 * party profiles the rules read. {@code bench/server-load.sh} runs the whole measurement.
 */
public final class ScoringLoad {
  private ScoringLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ScoringLoad URL TOKEN [rate/s=500] [seconds=30] [warmup=10] [result every=0 (none)]");
      System.exit(2);
    }
    String base = args[0];
    String token = args[1];
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    int resultEvery = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    String run = Long.toString(System.currentTimeMillis(), 36);
    run(http, base, token, rate, warmup, run + "w", false, resultEvery);
    run(http, base, token, rate, seconds, run + "m", true, resultEvery);
  }

  private static void run(HttpClient http, String base, String token, int rate, int seconds, String prefix,
      boolean report, int resultEvery) throws Exception {
    long total = (long) rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    // by request, so the tail can be placed in time (a rebuild, a checkpoint, a collection)
    long[] latency = new long[(int) total];
    boolean[] failed = new boolean[(int) total];
    AtomicLong errors = new AtomicLong();
    AtomicLong results = new AtomicLong();
    AtomicLong resultErrors = new AtomicLong();
    // a count of answers, not the futures: kept, they held every response until the end (200 MB
    // by the end of a 2-minute run), and the generator's own collector paused for up to 130 ms,
    // which counted as the server's latency
    CountDownLatch answered = new CountDownLatch((int) total);
    long start = System.nanoTime();
    java.time.Instant startedAt = java.time.Instant.now();
    String[] offices = {"20", "30", "40"};
    String[] hs = {"440890", "850870", "871200", "611249", "690722"};
    String[] origins = {"CN", "BE", "SK", "TR", "PH"};
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String body = String.format(Locale.ROOT, "{\"id\":\"L%s-%d\",\"date\":\"2021-04-01\",\"officeId\":\"%s\","
          + "\"importerId\":\"IMP%d\",\"declarantId\":\"DEC%d\",\"hsCode\":\"%s\",\"originCountry\":\"%s\","
          + "\"departureCountry\":\"%s\",\"taxRate\":8,\"netMass\":%d,\"itemPrice\":%d}",
          prefix, i, offices[i % 3], i % 997, i % 89, hs[i % 5], origins[i % 5], origins[(i / 5) % 5],
          10 + i % 1000, 1000 + (i * 37) % 100000);
      HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/declarations"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      String id = "L" + prefix + "-" + i;
      boolean result = resultEvery > 0 && i % resultEvery == 0;
      boolean fraud = i % (3 * Math.max(1, resultEvery)) == 0;
      int n = i;
      http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        if (e != null || r.statusCode() != 201) {
          errors.incrementAndGet();
          failed[n] = true;
        }
        latency[n] = System.nanoTime() - due;
        answered.countDown();
        if (result && e == null && r.statusCode() == 201) {
          http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/declarations/" + id + "/result"))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(
                  "{\"fraud\":" + fraud + "}")).build(), HttpResponse.BodyHandlers.discarding())
              .whenComplete((rr, ee) -> {
                results.incrementAndGet();
                if (ee != null || rr.statusCode() != 200) {
                  resultErrors.incrementAndGet();
                }
              });
        }
      });
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      // an unanswered request has no latency yet: reporting now would count it as 0 ms
      throw new java.util.concurrent.TimeoutException(answered.getCount() + " requests unanswered 60 s after the last was due");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!report) {
      return;
    }
    long[] l = latency.clone();
    java.util.Arrays.sort(l);
    System.out.printf(Locale.ROOT, "| target rate | achieved | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |%n");
    System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| %d/s | %.0f/s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", rate,
        l.length / elapsed, l.length, errors.get(), ms(l, 0.50), ms(l, 0.90), ms(l, 0.99), ms(l, 0.999),
        l[l.length - 1] / 1e6);
    // the same per 10 s of schedule: a tail in a few windows is an event, in all of them a cost per request
    int window = rate * 10;
    // the windows' start in the server's clock, to match a window with the server's log
    StringBuilder timeline = new StringBuilder("p99 ms per 10 s from " + startedAt + " (errors):");
    for (int from = 0; from < total; from += window) {
      int to = (int) Math.min(total, from + window);
      long[] w = java.util.Arrays.copyOfRange(latency, from, to);
      java.util.Arrays.sort(w);
      int bad = 0;
      for (int k = from; k < to; k++) {
        bad += failed[k] ? 1 : 0;
      }
      timeline.append(String.format(Locale.ROOT, " %.1f", ms(w, 0.99))).append(bad > 0 ? " (" + bad + ")" : "");
    }
    System.out.println(timeline);
    if (resultEvery > 0) {
      Thread.sleep(2000);   // the last results are still in flight
      System.out.printf(Locale.ROOT, "results recorded meanwhile: %d (%d errors)%n", results.get(), resultErrors.get());
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
