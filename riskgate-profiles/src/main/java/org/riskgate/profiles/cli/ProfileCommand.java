package org.riskgate.profiles.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.Share;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskgate profile}: one party's risk profile as of a date. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Show a party's profile (volume, value, HS and origin mix, inspections, shrunk "
        + "hit rate, trend, risk score) as of a date, from declarations dated before it.")
public final class ProfileCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE|LAKE",
      description = "Declarations: a CSV or Parquet file or a lake directory.")
  Path data;

  @Mixin PeriodOptions period;

  @Option(names = "--party", required = true, paramLabel = "ID", description = "Importer, declarant, seller or courier id.")
  String party;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Profile as of this day (declarations strictly before it). Default: the day after the file's last date.")
  LocalDate asOf;

  @Option(names = "--role", paramLabel = "ROLE", description = "Only this role: ${COMPLETION-CANDIDATES}.")
  PartyRole role;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Declaration> ds = DataFile.read(data, period.period(), err);
    LocalDate when = asOf != null ? asOf : DataFile.dayAfterLast(ds);
    ProfileStore store = ProfileStore.build(ds, ProfileConfig.defaults());
    List<PartyRole> roles = role != null ? List.of(role) : store.rolesOf(party);
    if (roles.isEmpty()) {
      err.println("error: no party '" + party + "' in " + data);
      return 2;
    }
    int shown = 0;
    for (PartyRole r : roles) {
      var p = store.profile(r, party, when);
      if (p.isEmpty()) {
        out.println(r.key() + " " + party + ": no declaration before " + when);
        continue;
      }
      print(out, p.get());
      shown++;
    }
    out.flush();
    return shown > 0 ? 0 : 1;
  }

  /** Prints a profile as this command does (also for {@code riskgate spark profiles}). */
  public static void print(PrintWriter out, PartyProfile p) {
    out.printf(Locale.ROOT, "%s %s as of %s%n", p.role().key(), p.partyId(), p.asOf());
    out.printf(Locale.ROOT, "  declarations      %d (first %s, last %s)%n", p.declarations(),
        p.firstSeen(), p.lastSeen());
    out.printf(Locale.ROOT, "  value / tax       %,.0f / %,.0f%n", p.totalValue(), p.totalTax());
    out.printf(Locale.ROOT, "  inspections       %d, frauds %d, raw hit rate %s%n", p.inspected(),
        p.frauds(), p.rawHitRate().isPresent()
            ? String.format(Locale.ROOT, "%.1f %%", 100 * p.rawHitRate().getAsDouble()) : "-");
    out.printf(Locale.ROOT, "  hit rate (shrunk) %.1f %% (base rate %.1f %%)%n", 100 * p.hitRate(),
        100 * p.baseRate());
    out.printf(Locale.ROOT, "  risk score        %.1f %% (time-decayed, shrunk)%n", 100 * p.riskScore());
    out.printf(Locale.ROOT, "  trend             %d declarations in the last window vs %d before "
        + "(%+.0f %%), hit rate %+.1f points%n", p.recentDeclarations(), p.previousDeclarations(),
        100 * p.volumeTrend(), 100 * p.hitRateTrend());
    out.printf(Locale.ROOT, "  HS6 (%d distinct)  %s%n", p.distinctHs(), shares(p.topHs()));
    out.printf(Locale.ROOT, "  origins (%d)       %s%n", p.distinctOrigins(), shares(p.topOrigins()));
  }

  private static String shares(List<Share> s) {
    return s.stream().map(x -> String.format(Locale.ROOT, "%s %.0f %%", x.value(), 100 * x.share()))
        .collect(Collectors.joining(", "));
  }
}
