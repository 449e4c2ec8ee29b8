package org.riskgate.hs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.HsToolkit;

/**
 * Prints wall-clock and thread-CPU percentiles of {@code suggest} over the evaluation descriptions.
 * On a shared machine the wall-clock tail measures the scheduler as much as the code; the CPU
 * time of the calling thread shows what one call costs by itself. Complements the JMH run.
 */
public final class LatencyTable {
  private LatencyTable() {}

  /** Usage: LatencyTable [hs-eval.csv] [rounds]. */
  public static void main(String[] args) throws Exception {
    Path eval = Path.of(args.length > 0 ? args[0] : "riskgate-hs/eval/hs-eval.csv");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long t0 = System.nanoTime();
    HsSuggester s = HsToolkit.builtIn().suggester();
    double buildMs = (System.nanoTime() - t0) / 1e6;
    List<String> d = new ArrayList<>();
    for (String line : Files.readAllLines(eval, StandardCharsets.UTF_8).stream().skip(1).toList()) {
      d.add(line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",")[0]);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int w = 0; w < 3; w++) {
      d.forEach(x -> s.suggest(x, 5)); // warm-up: JIT and Lucene's lazy structures
    }
    int n = rounds * d.size();
    double[] wall = new double[n];
    double[] cpu = new double[n];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (String x : d) {
        long c = mx.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        s.suggest(x, 5);
        wall[i] = (System.nanoTime() - t) / 1e6;
        cpu[i++] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
      }
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "toolkit build (cold, incl. Korean dictionary): %.0f ms%n", buildMs);
    System.out.printf(Locale.ROOT, "%d calls of suggest(k=5) over %d descriptions%n%n", n, d.size());
    System.out.println("| ms per call | p50 | p90 | p99 | p99.9 |");
    System.out.println("|---|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| wall clock | %.3f | %.3f | %.3f | %.3f |%n", q(wall, .5), q(wall, .9), q(wall, .99), q(wall, .999));
    System.out.printf(Locale.ROOT, "| thread CPU | %.3f | %.3f | %.3f | %.3f |%n", q(cpu, .5), q(cpu, .9), q(cpu, .99), q(cpu, .999));
  }

  private static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
