package org.riskgate.documents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
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
    Run r = run("evaluate", "--method", "classical", "--issuers", "5", "--pages-per-issuer", "3", "--validation-pages", "3",
        "--write-thresholds", thr.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| stamp |").contains("| signature | skilled |").contains("ROC AUC")
        .contains("3 pages per test issuer, 3 per validation issuer").contains("Verification on validation issuers by forgery");
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(thr)) {
      p.load(in);
    }
    assertThat(Double.parseDouble(p.getProperty("classical.stamp"))).isBetween(0.0, 100.0);
    assertThat(Double.parseDouble(p.getProperty("classical.signature"))).isBetween(0.0, 100.0);
  }

  @Test
  void evaluateOnLighterScansSaysSoAndWritesNoThresholds() throws Exception {
    Path thr = dir.resolve("light.properties");
    Run refused = run("evaluate", "--issuers", "5", "--pages-per-issuer", "3", "--validation-pages", "3",
        "--black-point", "80", "--write-thresholds", thr.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--black-point");
    assertThat(thr).doesNotExist();
    Run r = run("evaluate", "--method", "classical", "--issuers", "5", "--pages-per-issuer", "3", "--validation-pages", "3",
        "--black-point", "80");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("lighter scans (black point 80)").contains("| stamp |");
  }

  @Test
  void verifyReadsTheChosenPdfPageAndSaysWhenItIsMissing() throws Exception {
    SyntheticData data = new SyntheticData(11, 10);
    PageSample sample = data.page(data.issuers().get(0), Forgery.GENUINE, Forgery.GENUINE, new Random(100));
    BufferedImage blank = new BufferedImage(248, 351, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 248, 351);
    g.dispose();
    Path pdf = dir.resolve("scan.pdf");
    try (PDDocument doc = new PDDocument()) {
      for (BufferedImage img : List.of(blank, sample.image())) {
        PDRectangle box = new PDRectangle(595.2f, 841.92f);
        PDPage page = new PDPage(box);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(JPEGFactory.createFromImage(doc, img, 0.92f), 0, 0, box.getWidth(), box.getHeight());
        }
      }
      doc.save(pdf.toFile());
    }
    String reg = dir.resolve("reg").toString();
    Run second = run("verify", "--registry", reg, "--method", "classical", "--issuer", "ISS-000", "--json", "--page", "2", pdf.toString());
    assertThat(second.code()).as(second.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(second.out());
    assertThat(json.get("document").asText()).isEqualTo("scan.pdf page 2");
    assertThat(json.get("regions").size()).isGreaterThanOrEqualTo(2);
    Run first = run("verify", "--registry", reg, "--method", "classical", "--issuer", "ISS-000", pdf.toString());
    assertThat(first.code()).isEqualTo(2);
    assertThat(first.err()).startsWith("riskgate docs: ").doesNotContain("Exception");
    Run third = run("verify", "--registry", reg, "--method", "classical", "--issuer", "ISS-000", "--page", "3", pdf.toString());
    assertThat(third.code()).isEqualTo(2);
    assertThat(third.err()).startsWith("riskgate docs: scan.pdf has 2 pages; there is no page 3");
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
