package org.riskgate.server.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Platform;
import org.riskgate.server.checks.NetworkService;

/**
 * The server's trader network on the demo's history (2020 and 2021Q1, as a demo server holds it):
 * how long a background rebuild takes, and how long a decision's network evidence takes while the
 * rebuilds run beside it and while none does.
 *
 * <pre>
 * java -cp ... org.riskgate.server.bench.NetworkRebuild [rebuilds=5]
 * </pre>
 */
public final class NetworkRebuild {
  private NetworkRebuild() {}

  public static void main(String[] args) throws Exception {
    int rebuilds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Declaration> all = new ArrayList<>();
    for (String f : List.of("df_syn_train_eng.csv", "df_syn_valid_eng.csv")) {
      all.addAll(DeclarationReader.readAll(Fixtures.DATA.resolve(f), ColumnMapping.defaults(), new Platform.Collected()));
    }
    List<Declaration> probe = all.subList(all.size() - 2_000, all.size());
    try (NetworkService n = new NetworkService(() -> all, NetworkConfig.defaults(),
        new NetworkService.Schedule(1, Duration.ofHours(1), 1), Clock.systemUTC())) {
      while (n.builds() < 1) {
        Thread.sleep(10);
      }
      double[] idle = lookups(n, probe, () -> false);
      long[] build = new long[rebuilds];
      List<Double> busy = new ArrayList<>();
      for (int i = 0; i < rebuilds; i++) {
        long before = n.builds();
        n.rebuild();
        for (double v : lookups(n, probe, () -> n.builds() == before)) {
          busy.add(v);
        }
        while (n.builds() == before) {
          Thread.sleep(5);
        }
        build[i] = n.snapshot().orElseThrow().buildTime().toMillis();
      }
      Arrays.sort(build);
      double[] b = busy.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "declarations %,d, network as of %s, %d nodes%n", all.size(),
          n.snapshot().orElseThrow().network().asOf(), n.snapshot().orElseThrow().network().nodeCount());
      System.out.printf(Locale.ROOT, "rebuild: median %d ms, min %d ms, max %d ms (%d rebuilds)%n",
          build[rebuilds / 2], build[0], build[rebuilds - 1], rebuilds);
      System.out.printf(Locale.ROOT, "network evidence per decision, idle: median %.1f us, p99 %.1f us (%d)%n",
          pct(idle, 50), pct(idle, 99), idle.length);
      System.out.printf(Locale.ROOT, "network evidence per decision, during rebuilds: median %.1f us, p99 %.1f us, "
          + "max %.1f us (%d)%n", pct(b, 50), pct(b, 99), b.length == 0 ? 0 : b[b.length - 1], b.length);
    }
  }

  /** Microseconds per lookup, over the probe at least once and for as long as {@code more} says. */
  private static double[] lookups(NetworkService n, List<Declaration> probe, java.util.function.BooleanSupplier more) {
    List<Double> out = new ArrayList<>();
    do {
      for (Declaration d : probe) {
        long t = System.nanoTime();
        n.evidence().about(d);
        out.add((System.nanoTime() - t) / 1e3);
      }
    } while (more.getAsBoolean());
    return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double pct(double[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * p / 100))];
  }
}
