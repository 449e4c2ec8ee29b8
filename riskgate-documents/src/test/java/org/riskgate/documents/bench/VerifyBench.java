package org.riskgate.documents.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.riskgate.documents.DocumentVerifier;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;
import org.riskgate.documents.Reference;
import org.riskgate.documents.VerificationReport;
import org.riskgate.documents.VerifierConfig;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.detect.LearnedDetector;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/**
 * Benchmark, not a test: verification of one A4 page at 300 dpi (2480 x 3508) per method, after
 * warm-up, from a PNG file (decoding included) and from memory. Prints a Markdown table.
 *
 * <pre>
 * ./mvnw -q -pl riskgate-documents test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dai.djl.offline=true -cp riskgate-documents/target/classes:riskgate-documents/target/test-classes:$(cat riskgate-documents/target/cp.txt) \
 *   org.riskgate.documents.bench.VerifyBench [iterations]
 * </pre>
 */
public final class VerifyBench {

  private VerifyBench() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dir = Files.createTempDirectory("docs-bench");
    SyntheticData data = new SyntheticData(7, 20);
    Issuer issuer = data.issuers(Issuer.Split.TEST).getFirst();
    PageSample page = data.page(issuer, Forgery.GENUINE, Forgery.GENUINE, new Random(5));
    Path png = dir.resolve("page.png");
    ImageIO.write(page.image(), "png", png.toFile());
    System.out.printf(Locale.ROOT, "page %dx%d, %d cores, %s %s%n%n", page.image().getWidth(), page.image().getHeight(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.println("| step | method | median ms | p90 ms | min ms |");
    System.out.println("|---|---|---|---|---|");
    InkDetector detector = new InkDetector();
    row("detection only, ink detector", "-", iterations, () -> detector.detect(page.image()));
    LearnedDetector learned = LearnedDetector.shipped();
    row("detection only, learned detector", "-", iterations, () -> learned.detect(page.image()));
    for (Method m : Method.values()) {
      VerifierConfig config = new VerifierConfig(dir.resolve("registry-" + m.label()), m, VerifierConfig.DEFAULT_MAX_PIXELS);
      var registry = DefaultDocumentVerifier.registry(config);
      for (Kind k : Kind.values()) {
        Path ref = dir.resolve(k.label() + ".png");
        ImageIO.write(data.reference(issuer, k, new Random(1)), "png", ref.toFile());
        registry.register(issuer.id(), k, ref, LocalDate.of(2020, 1, 1), Reference.OPEN_END);
      }
      DocumentVerifier v = DocumentVerifier.open(config);
      BufferedImage img = page.image();
      row("verify, page in memory", m.label(), iterations, () -> v.verify(issuer.id(), "bench", img));
      row("verify, PNG file (decode included)", m.label(), iterations, () -> v.verify(issuer.id(), png));
      VerificationReport r = v.verify(issuer.id(), "bench", img);
      System.out.println("<!-- " + m.label() + ": " + r.reason() + " -->");
    }
  }

  private static void row(String what, String method, int iterations, Runnable body) {
    for (int i = 0; i < 5; i++) {
      body.run();
    }
    double[] ms = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      body.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f |%n", what, method, ms[iterations / 2],
        ms[(int) Math.min(iterations - 1, Math.ceil(iterations * 0.9) - 1)], ms[0]);
  }
}
