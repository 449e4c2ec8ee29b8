package org.riskgate.server.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.Fixtures;
import org.riskgate.server.Platform;
import org.riskgate.server.ServerConfig;
import org.riskgate.server.loop.ChallengerEvaluation;
import org.riskgate.server.loop.ChallengerService;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.InspectionResult;

/**
 * The loop on the public data, through the platform's own path: the champion (a bundle trained
 * on 2020) decides January and February 2021 and their red lanes are inspected; a challenger is
 * retrained from those results with the recipe of {@code riskgate train}; March is decided by the
 * champion while the challenger shadow-scores it, its red lane is inspected, and the two are
 * judged on March before a promotion is tried.
 *
 * <pre>
 * java -cp ... org.riskgate.server.bench.ChallengerReplay CHAMPION_BUNDLE_DIR [percent=3]
 * </pre>
 */
public final class ChallengerReplay {
  private ChallengerReplay() {}

  public static void main(String[] args) throws Exception {
    Path champion = Path.of(args[0]);
    double percent = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    Path dir = Files.createTempDirectory("riskgate-loop");
    Platform p = Platform.open(ServerConfig.defaults(dir).withPort(0).withModel(champion),
        new PrintStream(OutputStream.nullOutputStream()));
    List<Declaration> q1 = DeclarationReader.readAll(Fixtures.DATA.resolve("df_syn_valid_eng.csv"),
        ColumnMapping.defaults(), new Platform.Collected());
    LocalDate march = LocalDate.of(2021, 3, 1);
    int inspected = decideAndInspect(p, q1.stream().filter(d -> d.date().isBefore(march)).toList(), "jan-feb");
    String championId = p.decisions().config().bundle().id();
    long t0 = System.nanoTime();
    String challenger = p.challengers().retrain(championId, "bench").id();
    System.out.printf(Locale.ROOT, "champion %s; challenger %s trained on %d results in %.0f s%n", championId,
        challenger, inspected, (System.nanoTime() - t0) / 1e9);
    int marchInspected = decideAndInspect(p, q1.stream().filter(d -> !d.date().isBefore(march)).toList(), "march");
    ChallengerEvaluation e = p.challengers().evaluate(championId, percent);
    System.out.printf(Locale.ROOT, "March: %d declarations shadow-scored, %d inspected, %d of them random picks%n",
        e.rows(), marchInspected, e.randomPicksInspected());
    for (ChallengerEvaluation.Side s : List.of(e.champion(), e.challenger())) {
      var ips = s.precision();
      System.out.printf(Locale.ROOT, "%-44s precision of its top %s %% a day: IPS %.3f [%.3f, %.3f], self-normalised"
          + " %.3f [%.3f, %.3f]; top %s %% of the random picks: Norm-Precision %.3f, Norm-Revenue %.3f%n", s.bundleId(),
          percent, ips.value(), ips.low(), ips.high(), ips.selfNormalised(), ips.selfNormalisedLow(),
          ips.selfNormalisedHigh(), percent, s.onRandomPicks().normPrecision(), s.onRandomPicks().normRevenue());
    }
    System.out.println(e.verdict());
    try {
      p.challengers().promote(championId, percent, "bench");
      System.out.println("promoted; active: " + p.decisions().config().bundle().id());
    } catch (ChallengerService.Refused r) {
      System.out.println(r.getMessage());
    }
    p.close();
  }

  /** Decides and stores a period in daily batches as the champion would, then records its red lane's outcomes. */
  private static int decideAndInspect(Platform p, List<Declaration> rows, String name) throws Exception {
    List<DeclarationStore.Decided> decided = p.decisions().decideBatch(rows, "bench");
    p.storeBatch(name, "bench", decided);
    p.challengers().awaitShadow();
    int n = 0;
    for (DeclarationStore.Decided d : decided) {
      Declaration x = d.declaration();
      if (d.decision().lane() == Lane.RED) {
        p.recordResult(new InspectionResult(x.id(), x.isFraud(), x.isFraud() ? x.outcome().orElseThrow().criticalFraud()
            : 0, x.isFraud() ? Math.round(x.taxAtStake()) : 0, "replayed outcome", "bench", Instant.now()));
        n++;
      }
    }
    return n;
  }
}
