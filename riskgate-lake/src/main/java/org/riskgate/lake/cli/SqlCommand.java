package org.riskgate.lake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskgate.lake.Lake;
import org.riskgate.lake.LakeQuery;
import org.riskgate.lake.ParquetFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskgate sql}: analysts' read-only SQL over a lake. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run one read-only SELECT over a lake's table `declarations` (one column per declaration field, "
        + "plus month). Nothing can be written, attached or read outside the lake.")
public final class SqlCommand implements Callable<Integer> {
  @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake directory.")
  Path lake;

  @Parameters(index = "0", paramLabel = "SELECT", description = "The query, e.g. \"SELECT month, count(*) FROM declarations GROUP BY 1\".")
  String sql;

  @Option(names = "--output", paramLabel = "OUT.csv|OUT.parquet", description = "Write the rows to a CSV or Parquet file instead of printing them.")
  Path output;

  @Option(names = "--limit", defaultValue = "1000", description = "Most rows returned (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Time limit (default: ${DEFAULT-VALUE} s).")
  int timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LakeQuery.Result r = new LakeQuery(Lake.open(lake)).run(sql, limit, Duration.ofSeconds(timeout));
    if (output != null) {
      ParquetFiles.write(r, output);
      out.printf(Locale.ROOT, "wrote %,d rows to %s%n", r.rows().size(), output);
    } else {
      print(out, r);
    }
    out.printf(Locale.ROOT, "%,d row(s)%s in %d ms%n", r.rows().size(),
        r.truncated() ? " (more rows than --limit " + limit + ": the rest are not shown)" : "", r.millis());
    out.flush();
    return 0;
  }

  /** A Markdown table, as every riskgate command prints one. */
  static void print(PrintWriter out, LakeQuery.Result r) {
    out.println("| " + String.join(" | ", r.columns()) + " |");
    out.println("|" + "---|".repeat(r.columns().size()));
    for (List<Object> row : r.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object v : row) {
        cells.add(v == null ? "" : v.toString().replace("|", "\\|").replace("\n", " "));
      }
      out.println("| " + String.join(" | ", cells) + " |");
    }
  }
}
