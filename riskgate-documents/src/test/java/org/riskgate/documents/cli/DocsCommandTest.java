package org.riskgate.documents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DocsCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new DocsCommand()).execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void generateRegisterVerifyJsonAndAnnotated() throws Exception {
    Path data = dir.resolve("data");
    Run gen = run("generate", "--out", data.toString(), "--issuers", "5", "--pages-per-issuer", "1", "--seed", "3");
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(data.resolve("truth.json")).exists();
    String reg = dir.resolve("reg").toString();
    assertThat(run("register", "--registry", reg, "--issuer", "ISS-000", "--kind", "stamp",
        data.resolve("references/ISS-000-stamp.png").toString()).code()).isZero();
    assertThat(run("register", "--registry", reg, "--issuer", "ISS-000", "--kind", "signature",
        data.resolve("references/ISS-000-signature.png").toString()).code()).isZero();
    Run list = run("list", "--registry", reg);
    assertThat(list.out()).contains("ISS-000-stamp-1").contains("ISS-000-signature-1");

    Path annotated = dir.resolve("annotated.png");
    Run verify = run("verify", "--registry", reg, "--issuer", "ISS-000", "--json", "--annotated", annotated.toString(),
        data.resolve("pages/ISS-000-000.png").toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(verify.out());
    assertThat(json.get("document").asText()).isEqualTo("ISS-000-000.png");
    assertThat(json.get("regions").size()).isGreaterThanOrEqualTo(2);
    for (JsonNode r : json.get("regions")) {
      assertThat(r.get("kind").asText()).isIn("stamp", "signature");
      assertThat(r.get("box").size()).isEqualTo(4);
      assertThat(r.get("confidence").asDouble()).isBetween(0.0, 1.0);
      assertThat(r.get("similarity").asDouble()).isBetween(0.0, 100.0);
      assertThat(r.get("verdict").asText()).isIn("consistent", "suspicious");
    }
    assertThat(ImageIO.read(annotated.toFile()).getWidth()).isEqualTo(2480);

    Run table = run("verify", "--registry", reg, "--issuer", "ISS-000", data.resolve("pages/ISS-000-000.png").toString());
    assertThat(table.out()).contains("similarity").contains("stamp");

    assertThat(run("retire", "--registry", reg, "ISS-000-stamp-1").code()).isZero();
    Run after = run("verify", "--registry", reg, "--issuer", "ISS-000", "--json", data.resolve("pages/ISS-000-000.png").toString());
    assertThat(after.out()).contains("no_reference");
  }

  @Test
  void evaluateOnATinyPopulationPrintsTablesAndWritesThresholds() throws Exception {
    Path thr = dir.resolve("t.properties");
    Run r = run("evaluate", "--method", "classical", "--issuers", "5", "--pages-per-issuer", "3", "--write-thresholds", thr.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| stamp |").contains("| signature | skilled |").contains("ROC AUC");
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(thr)) {
      p.load(in);
    }
    assertThat(Double.parseDouble(p.getProperty("classical.stamp"))).isBetween(0.0, 100.0);
    assertThat(Double.parseDouble(p.getProperty("classical.signature"))).isBetween(0.0, 100.0);
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws Exception {
    Path junk = dir.resolve("junk.jpg");
    Files.writeString(junk, "not a jpeg");
    Run r = run("verify", "--registry", dir.resolve("reg").toString(), "--issuer", "X", junk.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("riskgate docs: ").doesNotContain("Exception").doesNotContain("\tat ");
    Run k = run("register", "--registry", dir.resolve("reg").toString(), "--issuer", "X", "--kind", "seal", junk.toString());
    assertThat(k.code()).isEqualTo(2);
    assertThat(k.err()).contains("stamp or signature");
  }
}
