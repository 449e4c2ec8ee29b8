package org.riskgate.profiles.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.PartyNode;
import org.riskgate.profiles.network.RingIndicator;
import org.riskgate.profiles.network.TraderNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskgate network}: the trader network, its riskiest parties and ring indicators. */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "Build the trader network as of a date: parties closest to confirmed fraud "
        + "(personalised PageRank), communities, declarants serving many new high-hit-rate importers.")
public final class NetworkCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE|LAKE",
      description = "Declarations: a CSV or Parquet file or a lake directory.")
  Path data;

  @Mixin PeriodOptions period;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Default: the day after the file's last date.")
  LocalDate asOf;

  @Option(names = "--export", paramLabel = "FILE.graphml", description = "Write the network as GraphML.")
  Path export;

  @Option(names = "--top", defaultValue = "15", description = "Parties and rings to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--min-links", defaultValue = "3",
      description = "Smallest number of links for a party to be listed (default: ${DEFAULT-VALUE}).")
  int minLinks;

  @Option(names = "--min-new-importers", defaultValue = "5",
      description = "Smallest number of new importers for a ring indicator (default: ${DEFAULT-VALUE}).")
  int minNew;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Declaration> ds = DataFile.read(data, period.period(), spec.commandLine().getErr());
    LocalDate when = asOf != null ? asOf : DataFile.dayAfterLast(ds);
    long t = System.nanoTime();
    TraderNetwork net = TraderNetwork.build(ds, when, NetworkConfig.defaults());
    out.printf(Locale.ROOT, "network as of %s: %d parties, %d links, %d communities (largest %.1f %% "
            + "of parties), base rate %.1f %% (built in %d ms)%n%n", when, net.nodeCount(),
        net.edgeCount(), net.communityCount(), 100 * net.largestCommunityShare(),
        100 * net.baseRate(), (System.nanoTime() - t) / 1_000_000);
    out.printf(Locale.ROOT, "closest to confirmed fraud, parties with >= %d links (PageRank risk: 1 = "
        + "what its links alone explain)%n", minLinks);
    out.println("| role | party | links | inspected | frauds | PageRank risk | neighbours' hit rate | community (size, fraud rate) |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (PartyNode n : net.topRisk(top, minLinks)) {
      out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.2f | %.1f %% | %d (%d, %.1f %%) |%n",
          n.role().key(), n.partyId(), n.degree(), n.inspected(), n.frauds(), n.pagerankRisk(),
          100 * n.neighbourHitRate(), n.community(), n.communitySize(), 100 * n.communityFraudRate());
    }
    out.println();
    out.printf(Locale.ROOT, "ring indicators: declarants with >= %d importers first seen in the last %d days%n",
        minNew, NetworkConfig.defaults().ringWindowDays());
    out.println("| declarant | importers | new | new inspected | new frauds | new hit rate (shrunk) | 95 % CI low |");
    out.println("|---|---|---|---|---|---|---|");
    for (RingIndicator r : net.rings(minNew, top)) {
      out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% |%n", r.declarantId(),
          r.importers(), r.newImporters(), r.newInspected(), r.newFrauds(), 100 * r.newHitRate(),
          100 * r.lowerBound());
    }
    if (export != null) {
      try (Writer w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
        net.writeGraphMl(w);
      }
      out.println();
      out.println("wrote " + export);
    }
    out.flush();
    return 0;
  }
}
