package org.riskgate.lake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.riskgate.core.ColumnMapping;
import org.riskgate.lake.Lake;
import org.riskgate.lake.LakeImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskgate lake import|info}. */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = "The declaration lake: declarations as Parquet, partitioned by month (see docs/lake.md).",
    subcommands = {LakeCommand.Import.class, LakeCommand.Info.class})
public final class LakeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code lake import}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Append CSV files of declarations to a lake (created when missing). Each file is committed "
          + "atomically; a file whose content is already in the lake is skipped. Unreadable rows go to LAKE/rejects/.")
  static final class Import implements Callable<Integer> {
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake directory.")
    Path lake;

    @Option(names = "--columns", paramLabel = "FILE",
        description = "Column mapping (properties: field_key = Header Name) for files whose headers differ from the defaults.")
    Path columns;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = "Declaration files to import.")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      ColumnMapping mapping = columns == null ? ColumnMapping.defaults() : ColumnMapping.fromFile(columns);
      int removed = new LakeImporter(lake, mapping, n -> {}).recover();
      if (removed > 0) {
        out.printf(Locale.ROOT, "removed %d leftover file(s) of an interrupted import%n", removed);
      }
      for (Path f : files) {
        LakeImporter.Outcome o;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(f.getFileName().toString()).setUnit(" rows", 1)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setInitialMax(-1)
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
          long t0 = System.nanoTime();
          o = new LakeImporter(lake, mapping, bar::stepTo).importFile(f);
          bar.setExtraMessage(String.format(Locale.ROOT, " %.1f s", (System.nanoTime() - t0) / 1e9));
        }
        switch (o) {
          case LakeImporter.Imported i -> {
            out.printf(Locale.ROOT, "%s: imported %,d declarations (%s)%n", f, i.rows(),
                i.months().isEmpty() ? "no month" : i.months().size() == 1 ? i.months().get(0)
                    : i.months().get(0) + " .. " + i.months().get(i.months().size() - 1));
            if (i.rejected() > 0) {
              out.printf(Locale.ROOT, "  %,d rows rejected, listed in %s (first: %s)%n", i.rejected(),
                  i.rejects().orElseThrow(), i.firstRejects().get(0).describe());
            }
          }
          case LakeImporter.Skipped s -> out.printf(Locale.ROOT,
              "%s: skipped, already imported (same content as %s, imported %s)%n", f, s.earlier().source(),
              s.earlier().importedAt());
        }
        out.flush();
      }
      return 0;
    }
  }

  /** {@code lake info}. */
  @Command(name = "info", mixinStandardHelpOptions = true, description = "Months, rows, frauds and size of a lake.")
  static final class Info implements Callable<Integer> {
    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake directory.")
    Path lake;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Lake.Info info = Lake.open(lake).info();
      out.printf(Locale.ROOT, "%s: %d file(s) imported, %,d declarations, %,d frauds, %s of Parquet, %,d rows rejected%n%n",
          info.dir(), info.files(), info.rows(), info.frauds(), size(info.bytes()), info.rejected());
      out.println("| month | declarations | frauds | fraud rate | parts | size |");
      out.println("|---|---|---|---|---|---|");
      for (Lake.Month m : info.months()) {
        out.printf(Locale.ROOT, "| %s | %,d | %,d | %.2f %% | %d | %s |%n", m.month(), m.rows(), m.frauds(),
            m.rows() == 0 ? 0.0 : 100.0 * m.frauds() / m.rows(), m.parts(), size(m.bytes()));
      }
      out.flush();
      return 0;
    }
  }

  static String size(long bytes) {
    return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
