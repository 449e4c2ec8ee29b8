package org.riskgate.profiles.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.groups.GroupFinder;
import org.riskgate.profiles.groups.GroupQuery;
import org.riskgate.profiles.groups.GroupReport;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.TraderNetwork;

/**
 * Times profiles, the network and the group search on generated data and prints a table.
 *
 * <p>Run: {@code java -Xmx6g -cp ... org.riskgate.profiles.bench.ProfilesBench [ROWS] [REPEATS]}
 * (default 1,000,000 rows over 365 days, best of 3). Not a unit test: timings depend on the
 * machine.
 */
public final class ProfilesBench {
  private ProfilesBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    LocalDate from = LocalDate.of(2022, 1, 1);
    List<Declaration> source = Data.read(Data.publicFile("df_syn_train_eng.csv"));
    List<Declaration> data = SyntheticDeclarations.generate(source, rows, from, 365, 1);
    LocalDate end = from.plusDays(365);
    LocalDate monthStart = end.minusMonths(1);
    System.out.printf(Locale.ROOT, "%d generated declarations, %s .. %s, %d cores, max heap %d MiB%n%n",
        data.size(), from, end.minusDays(1), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("| step | best ms | result |");
    System.out.println("|---|---|---|");
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("riskgate-bench", ".csv");
    try {
      SyntheticDeclarations.write(data, csv);
      time("read the generated CSV (DeclarationReader)", 1, () -> {
        long size = java.nio.file.Files.size(csv) >> 20;
        return Data.read(csv).size() + " declarations, " + size + " MiB";
      });
    } finally {
      java.nio.file.Files.deleteIfExists(csv);
    }
    ProfileStore[] store = new ProfileStore[1];
    time("profile store build (4 roles)", repeats, () -> {
      store[0] = ProfileStore.build(data, ProfileConfig.defaults());
      return store[0].parties(org.riskgate.profiles.PartyRole.IMPORTER).size() + " importers";
    });
    time("profile features, every declaration point-in-time", repeats, () -> {
      double sum = 0;
      for (Declaration d : data) {
        Map<String, Double> f = store[0].features(d);
        sum += f.get("importer.hit_rate");
      }
      return String.format(Locale.ROOT, "mean importer.hit_rate %.4f", sum / data.size());
    });
    TraderNetwork[] net = new TraderNetwork[1];
    time("trader network build + PageRank + communities", repeats, () -> {
      net[0] = TraderNetwork.build(data, end, NetworkConfig.defaults());
      return net[0].nodeCount() + " parties, " + net[0].edgeCount() + " links, "
          + net[0].communityCount() + " communities";
    });
    time("network features, every declaration", repeats, () -> {
      double sum = 0;
      for (Declaration d : data) {
        sum += net[0].features(d).get("net.importer_pagerank_risk");
      }
      return String.format(Locale.ROOT, "mean importer PageRank risk %.4f", sum / data.size());
    });
    time("group search, last month, all dimensions + pairs", repeats, () -> {
      GroupReport r = GroupFinder.find(data, GroupQuery.of(monthStart, end.minusDays(1)),
          Optional.empty());
      return r.declarations() + " declarations, " + r.tested() + " groups tested, "
          + r.groups().size() + " reported";
    });
  }

  interface Step {
    String run() throws Exception;
  }

  private static void time(String name, int repeats, Step step) throws Exception {
    long best = Long.MAX_VALUE;
    String result = "";
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      result = step.run();
      best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
    }
    System.out.printf(Locale.ROOT, "| %s | %d | %s |%n", name, best, result);
  }
}
