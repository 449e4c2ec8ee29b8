package org.riskgate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.core.Declaration;
import org.riskgate.risk.similar.Neighbours;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate similar}: the past declarations nearest to one, with their outcomes. */
@Command(name = "similar", mixinStandardHelpOptions = true,
    description = "Show the inspected declarations of earlier days nearest to one declaration (its own standardised "
        + "numbers: tax rate, price, mass, unit value, tax at stake, seller and courier), with their outcomes.")
final class SimilarCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE|LAKE",
      description = "Declarations, the one to compare and its past: a CSV or Parquet file or a lake directory.")
  Path data;

  @Option(names = "--id", required = true, description = "The declaration's id.")
  String id;

  @Option(names = "--k", defaultValue = "10", description = "How many neighbours (default ${DEFAULT-VALUE}).")
  int k;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    InputOptions.Loaded loaded = input.readAll(data, Path.of(System.getProperty("java.io.tmpdir")));
    System.out.println(loaded.describe(data));
    List<Neighbours.Neighbour> near = Neighbours.of(loaded.rows(), id, k);
    Declaration d = loaded.rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    System.out.printf(Locale.ROOT, "%s of %s: HS %s, importer %s, price %.0f, tax at stake %.0f%n", id, d.date(),
        d.hsCode(), d.importerId(), d.itemPrice(), d.taxAtStake());
    if (near.isEmpty()) {
      System.out.println("no inspected declaration of an earlier day");
      return 0;
    }
    long frauds = near.stream().filter(n -> n.declaration().isFraud()).count();
    System.out.printf(Locale.ROOT, "its %d nearest inspected declarations of earlier days: fraud found in %d (%.0f %%)%n",
        near.size(), frauds, 100.0 * frauds / near.size());
    System.out.println("| distance | declaration | date | HS code | importer | price | tax at stake | outcome |");
    System.out.println("|---:|---|---|---|---|---:|---:|---|");
    for (Neighbours.Neighbour n : near) {
      Declaration p = n.declaration();
      String outcome = p.outcome().map(o -> !o.fraud() ? "no fraud"
          : o.criticalFraud() > 0 ? "critical fraud" : "fraud").orElseThrow();
      System.out.printf(Locale.ROOT, "| %.2f | %s | %s | %s | %s | %.0f | %.0f | %s |%n", n.distance(), p.id(), p.date(),
          p.hsCode(), p.importerId(), p.itemPrice(), p.taxAtStake(), outcome);
    }
    return 0;
  }
}
