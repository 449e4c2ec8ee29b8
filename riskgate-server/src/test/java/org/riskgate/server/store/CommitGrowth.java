package org.riskgate.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.riskgate.selectivity.Lane;

/**
 * How fast the embedded H2 file grows under single commits, on the store's own write path only
 * (no model, so thousands of commits take a minute): stores N declarations, each with its
 * decision and audit line in its own commit, and prints the growth of the file and its journal per declaration ten
 * times on the way. Run it past H2's retention time (45 s) to see space reused. (A benchmark,
 * not a test: {@code bench StoreGrowth} measures the server's whole path.)
 *
 * <pre>
 * java -cp ... org.riskgate.server.store.CommitGrowth [declarations=10000] [H2 settings, e.g. ";RETENTION_TIME=5000"]
 * </pre>
 */
public final class CommitGrowth {
  private CommitGrowth() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String settings = args.length > 1 ? args[1] : "";
    Path dir = Files.createTempDirectory("riskgate-commits");
    Random random = new Random(1);
    try (Database db = Database.open(DataDirectory.embeddedUrl(dir) + settings)) {
      DeclarationStore store = new DeclarationStore(db);
      long before = H2GrowthTest.storeBytes(dir);
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      System.out.printf(Locale.ROOT, "| declarations | seconds | file MB | bytes a declaration | CPU ms a declaration |%n"
          + "|---|---|---|---|---|%n");
      for (int i = 0; i < n; i++) {
        store.storeOne(StoreContract.decided("GR" + i, LocalDate.of(2021, 1, 1 + i % 28), "30", random.nextDouble(),
            i % 10 == 0 ? Lane.RED : Lane.GREEN));
        if ((i + 1) % Math.max(1, n / 10) == 0) {
          long size = H2GrowthTest.storeBytes(dir);
          // the process's CPU (every thread: H2's writer and the journal's checkpoint too), since the loop began
          System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.0f | %.2f |%n", i + 1, (System.nanoTime() - t0) / 1e9,
              size / 1e6, (size - before) / (double) (i + 1), (os.getProcessCpuTime() - cpu0) / 1e6 / (i + 1));
        }
      }
    }
  }
}
