package org.riskgate.hs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new HsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void suggestPrintsJson() {
    assertThat(run("suggest", "frozen boneless beef", "--k", "2", "--json")).isZero();
    assertThat(out.toString()).contains("\"hs_code\" : \"020230\"").contains("\"confidence\"");
  }

  @Test
  void suggestFileWritesKRowsPerInputRow(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "id,description\n1,frozen boneless beef\n2,\n3,노트북 컴퓨터\n");
    Path outFile = dir.resolve("out.csv");
    assertThat(run("suggest", "--input", in.toString(), "--output", outFile.toString(), "--k", "3")).isZero();
    List<String> lines = Files.readAllLines(outFile);
    assertThat(lines.get(0)).isEqualTo("description,rank,hs_code,confidence");
    assertThat(lines).hasSize(1 + 3 * 3);
    assertThat(lines.get(1)).startsWith("frozen boneless beef,1,020230,");
    assertThat(lines.get(7)).startsWith("노트북 컴퓨터,1,847130,");
    assertThat(err.toString()).contains("line 3").contains("empty");
  }

  @Test
  void checkAddsFlagsUsingAnyAcceptedCodeColumn(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("decl.csv");
    Files.writeString(in, "Declaration ID,description,HS6 Code\nD1,frozen boneless beef,392690\nD2,frozen boneless beef,020230\n");
    Path outFile = dir.resolve("out.csv");
    assertThat(run("check", "--input", in.toString(), "--output", outFile.toString())).isZero();
    List<String> lines = Files.readAllLines(outFile);
    assertThat(lines.get(0)).isEqualTo("Declaration ID,description,HS6 Code,hs_mismatch,hs_mismatch_score,"
        + "hs_requirement,hs_review_object,hs_reason,hs_suggested");
    assertThat(lines.get(1)).startsWith("D1,frozen boneless beef,392690,true,").contains("animal quarantine");
    assertThat(lines.get(2)).startsWith("D2,frozen boneless beef,020230,false,");
  }

  @Test
  void errorsAreOneLineAndAnExitCode(@TempDir Path dir) throws IOException {
    assertThat(run("suggest", "\u0000\u0001binary")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").contains("binary");
    Path in = dir.resolve("x.csv");
    Files.writeString(in, "text\nabc\n");
    assertThat(run("check", "--input", in.toString(), "--output", dir.resolve("o.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no description column");
  }

  @Test
  void trainAndEvaluateRoundTrip(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("l.csv");
    Files.writeString(data, "description,hs_code\nZorvex pro unit,847130\nQuibble frost pack,020230\n"
        + "Zorvex lite unit,847130\nQuibble chill pack,020230\nmystery,000000\n");
    Path model = dir.resolve("m");
    assertThat(run("train", "--data", data.toString(), "--model", model.toString())).isZero();
    assertThat(out.toString()).contains("trained on 4 rows (2 HS6 codes), skipped 1");
    assertThat(err.toString()).contains("line 6: skipped, unknown HS code 000000");
    assertThat(run("evaluate", "--data", data.toString(), "--model", model.toString())).isZero();
    assertThat(out.toString()).contains("| all | all | 4 | 1.000 |");
  }
}
