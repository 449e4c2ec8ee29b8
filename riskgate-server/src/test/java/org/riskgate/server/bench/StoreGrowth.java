package org.riskgate.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Platform;
import org.riskgate.server.ServerConfig;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.DeclarationFixtures;

/**
 * How fast the embedded store grows per single declaration (one request, one commit, as a
 * client posting declarations one by one causes): stores N declarations with their decision and
 * audit line through the server's own path, then prints the H2 file size per declaration while
 * open and after closing.
 *
 * <pre>
 * java -cp ... org.riskgate.server.bench.StoreGrowth [declarations=5000] [H2 settings, e.g. ";RETENTION_TIME=0"]
 * </pre>
 */
public final class StoreGrowth {
  private StoreGrowth() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path dir = Files.createTempDirectory("riskgate-growth");
    ServerConfig cfg = ServerConfig.defaults(dir).withPort(0).withModel(Fixtures.bundle());
    if (args.length > 1) {
      cfg = cfg.withDb(cfg.storeUrl() + args[1]);
    }
    Platform p = Platform.open(cfg, new PrintStream(OutputStream.nullOutputStream()));
    long before = storeBytes(dir);
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      p.storeOne(p.decisions().decideOne(DeclarationFixtures.declaration("G" + i), "bench"));
      if ((i + 1) % (n / 5) == 0) {
        System.out.printf(Locale.ROOT, "after %d: %.0f bytes a declaration%n", i + 1,
            (storeBytes(dir) - before) / (double) (i + 1));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // CPU, unlike commits/s, hardly depends on what else the machine is doing
    double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
    long open = storeBytes(dir);
    long audit = AuditLog.count(p.db());
    p.close();
    long closed = storeBytes(dir);
    System.out.printf(Locale.ROOT, "| declarations | commits/s | CPU ms/decl | audit lines | store before | open: bytes/decl | closed: bytes/decl |%n");
    System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %d | %d KB | %.0f | %.0f |%n", n, n / seconds, cpuMs, audit,
        before / 1024, (open - before) / (double) n, (closed - before) / (double) n);
  }

  private static long storeBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      // the H2 file and the journal's segments
      return files.filter(f -> f.getFileName().toString().startsWith("riskgate.")
              && (f.toString().endsWith(".db") || f.getFileName().toString().contains(".journal.")))
          .mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
