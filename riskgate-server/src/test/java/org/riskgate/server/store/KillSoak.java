package org.riskgate.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kill-and-reopen soak ({@code bench/kill-soak.sh}): {@link H2KillTest}'s writer (single
 * declarations, a 1 s retention so chunk space is reused at once) killed with {@code SIGKILL}
 * a random 0 to 12 s after its first acknowledged declaration, then the store opened as the server opens it, many times over. Each
 * cycle must open within the bound and hold every acknowledged declaration with its decision. A
 * cycle that fails or hangs keeps a copy of the killed store ({@code DIR-killed}) and prints the
 * opening thread's stack; a hang ends the soak (the thread cannot be stopped).
 *
 * <p>Not a test: about one kill in 70 is what found the two faults it guards against, too rare for CI.
 */
public final class KillSoak {
  private static final long OPEN_BOUND_S = 120;

  private KillSoak() {}

  public static void main(String[] args) throws Exception {
    int cycles = Integer.parseInt(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    int ran = 0;
    int opened = 0;
    List<String> failures = new ArrayList<>();
    long acknowledged = 0;
    long missing = 0;
    ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "soak-open");
      t.setDaemon(true);
      return t;
    });
    for (int cycle = 1; cycle <= cycles; cycle++) {
      ran++;
      Path dir = Files.createTempDirectory("riskgate-soak");
      Set<String> acked = ConcurrentHashMap.newKeySet();
      WriterProcess p = WriterProcess.start(H2KillTest.Writer.class, dir, line -> {
        if (line.startsWith("HK")) {
          acked.add(line);
        }
      });
      // killed once it writes (a kill during the first start's schema migration leaves a store
      // Flyway will not open, and nothing in it was ever acknowledged)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long runMs = random.nextInt(12_000);
      Thread.sleep(runMs);
      p.kill();
      Path killed = Path.of(dir + "-killed");
      copy(dir, killed);
      long t0 = System.nanoTime();
      Thread[] thread = new Thread[1];
      Future<Set<String>> open = opener.submit(() -> {
        thread[0] = Thread.currentThread();
        try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
          return H2KillTest.decided(db);
        }
      });
      String outcome;
      try {
        Set<String> stored = open.get(OPEN_BOUND_S, TimeUnit.SECONDS);
        long lost = acked.stream().filter(id -> !stored.contains(id)).count();
        acknowledged += acked.size();
        missing += lost;
        opened++;
        outcome = String.format(java.util.Locale.ROOT, "opened in %.1f s, %d acknowledged, %d missing",
            (System.nanoTime() - t0) / 1e9, acked.size(), lost);
        if (lost == 0) {
          delete(killed);
          delete(dir);
        } else {
          failures.add("cycle " + cycle + ": " + lost + " acknowledged missing, killed store in " + killed);
        }
      } catch (TimeoutException e) {
        failures.add("cycle " + cycle + ": no open within " + OPEN_BOUND_S + " s, killed store in " + killed);
        System.out.println("cycle " + cycle + ": HANG, the opening thread:");
        for (StackTraceElement f : thread[0].getStackTrace()) {
          System.out.println("    at " + f);
        }
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add("cycle " + cycle + ": " + e.getCause() + ", killed store in " + killed);
        outcome = "FAILED " + e.getCause();
      }
      System.out.printf("cycle %d: killed %d ms after its first acknowledgement, %s%n", cycle, runMs, outcome);
    }
    System.out.println();
    System.out.println("| cycles | opened | failed or hung | acknowledged | acknowledged missing |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf("| %d | %d | %d | %d | %d |%n", ran, opened, failures.size(), acknowledged, missing);
    failures.forEach(System.out::println);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  private static void copy(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void delete(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
