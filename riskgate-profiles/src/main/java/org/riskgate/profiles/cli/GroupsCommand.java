package org.riskgate.profiles.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.groups.Dimension;
import org.riskgate.profiles.groups.GroupFinder;
import org.riskgate.profiles.groups.GroupQuery;
import org.riskgate.profiles.groups.GroupReport;
import org.riskgate.profiles.groups.RiskGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskgate groups}: the high-risk groups of a period, optionally written as rules. */
@Command(name = "groups", mixinStandardHelpOptions = true,
    description = "Find the groups of a period (HS chapter/heading, origin, departure, office, "
        + "transport mode, importer segment, and pairs of them) whose fraud rate stands out, with "
        + "confidence intervals and false-discovery control. Without labels, the importers' "
        + "profile risk scores are searched instead.")
public final class GroupsCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE|LAKE",
      description = "Declarations: a CSV or Parquet file or a lake directory (read up to --to: the profiles need the history).")
  Path data;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, inclusive.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive.")
  LocalDate to;

  @Option(names = "--dimensions", split = ",", paramLabel = "DIM",
      description = "Dimensions to cut by (default: all): ${COMPLETION-CANDIDATES}.")
  List<Dimension> dimensions;

  @Option(names = "--single", description = "Single criteria only, no pairs.")
  boolean single;

  @Option(names = "--min-size", defaultValue = "30", description = "Smallest group (default: ${DEFAULT-VALUE}).")
  int minSize;

  @Option(names = "--fdr", defaultValue = "0.05", description = "False discovery rate (default: ${DEFAULT-VALUE}).")
  double fdr;

  @Option(names = "--limit", defaultValue = "20", description = "Groups to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--rules-out", paramLabel = "FILE.rules",
      description = "Also write every group shown as a rule, valid for --rule-days after the period.")
  Path rulesOut;

  @Option(names = "--rule-days", defaultValue = "90", description = "Validity of written rules (default: ${DEFAULT-VALUE}).")
  int ruleDays;

  @Option(names = "--owner", defaultValue = "groups", description = "Owner of written rules (default: ${DEFAULT-VALUE}).")
  String owner;

  @Option(names = "--add", defaultValue = "0.1", description = "Score added by written rules (default: ${DEFAULT-VALUE}).")
  double add;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Declaration> ds = DataFile.read(data, org.riskgate.core.Period.until(to), spec.commandLine().getErr());
    GroupQuery q = new GroupQuery(from, to,
        dimensions == null || dimensions.isEmpty() ? List.of(Dimension.values()) : dimensions,
        single ? 1 : 2, minSize, fdr, limit, 5);
    // Without labels the importers' point-in-time risk scores stand in for outcomes.
    ProfileStore store = ProfileStore.build(ds, ProfileConfig.defaults());
    long t = System.nanoTime();
    GroupReport r = GroupFinder.find(ds, q,
        Optional.of(d -> store.features(d).get("importer.risk")));
    out.printf(Locale.ROOT, "%s .. %s: %d declarations, overall %s %.1f %%, %d groups tested, "
            + "%d stand out at FDR %.2f (%d ms)%n%n", from, to, r.declarations(),
        r.measuredByFraud() ? "fraud rate" : "mean importer risk score", 100 * r.overallRate(),
        r.tested(), r.groups().size(), fdr, (System.nanoTime() - t) / 1_000_000);
    out.println("| # | group | size | rate | lift | 95 % CI | q-value | examples |");
    out.println("|---|---|---|---|---|---|---|---|");
    int i = 1;
    StringBuilder rules = new StringBuilder("# high-risk groups of " + from + " .. " + to
        + " written by `riskgate groups`\n");
    for (RiskGroup g : r.groups()) {
      out.printf(Locale.ROOT, "| %d | %s | %d | %.1f %% | %.2f | %.1f-%.1f %% | %.1e | %s |%n", i++,
          g.label(), g.size(), 100 * g.rate(), g.lift(), 100 * g.low(), 100 * g.high(), g.qValue(),
          String.join(" ", g.examples()));
      rules.append('\n').append(g.toRule(owner, to.plusDays(1), to.plusDays(ruleDays), add));
    }
    if (rulesOut != null) {
      Files.writeString(rulesOut, rules, StandardCharsets.UTF_8);
      out.println();
      out.println("wrote " + r.groups().size() + " rules to " + rulesOut);
    }
    out.flush();
    return 0;
  }
}
