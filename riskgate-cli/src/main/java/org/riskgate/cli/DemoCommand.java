package org.riskgate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskgate demo}: the whole job on the bundled public data — train on 2020, evaluate on
 * 2021Q1, score 2021Q1 into lanes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Train on the bundled 2020 declarations, evaluate on 2021Q1, score 2021Q1 into lanes.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "Where to put the model, report and decisions (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder with df_syn_train_eng.csv and df_syn_valid_eng.csv (default: the bundled copy).")
  Path data;

  @Override
  public Integer call() throws Exception {
    Path dir = data != null ? data : bundledData();
    Path train = dir.resolve("df_syn_train_eng.csv");
    Path valid = dir.resolve("df_syn_valid_eng.csv");
    Path model = out.resolve("model");
    System.out.println("== 1/3 train on " + train + " (2020; early stopping on its latest 15 %)");
    int rc = Main.run("train", "--train", train.toString(), "--model", model.toString(), "--baselines");
    if (rc != 0) {
      return rc;
    }
    System.out.println("\n== 2/3 evaluate on " + valid + " (2021Q1, never seen in training)");
    rc = Main.run("evaluate", "--model", model.toString(), "--data", valid.toString(),
        "--report", out.resolve("report").toString(), "--objective", "frauds,revenue");
    if (rc != 0) {
      return rc;
    }
    System.out.println("\n== 3/3 score " + valid + " into lanes (red 3 %, yellow 7 %, 1 % random)");
    return Main.run("score", "--model", model.toString(), "--input", valid.toString(),
        "--output", out.resolve("decisions.csv").toString(), "--random-share", "1");
  }

  /** The public data shipped with riskgate: under the install home, or the source tree. */
  private static Path bundledData() {
    String home = System.getProperty("riskgate.home");
    for (Path p : new Path[] {home == null ? null : Path.of(home, "data", "customs"), Path.of("data", "customs")}) {
      if (p != null && Files.isRegularFile(p.resolve("df_syn_train_eng.csv"))) {
        return p;
      }
    }
    throw new CommandLine.ParameterException(new CommandLine(new DemoCommand()),
        "bundled demo data not found; pass --data DIR");
  }
}
