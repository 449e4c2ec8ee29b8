package org.riskgate.documents.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.riskgate.documents.Box;
import org.riskgate.documents.Detector;
import org.riskgate.documents.DocumentVerifier;
import org.riskgate.documents.RegionResult;
import org.riskgate.documents.TextCheck;
import org.riskgate.documents.VerificationReport;
import org.riskgate.documents.Verdict;
import org.riskgate.documents.VerifierConfig;
import org.riskgate.documents.image.PageLoader;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code riskgate docs verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Find stamps and signatures on a document and compare them with the issuer's references.")
final class VerifyCommand implements Callable<Integer> {
  @Mixin DocsCommand.RegistryOptions registry = new DocsCommand.RegistryOptions();

  @Option(names = "--issuer", required = true, description = "issuer the document claims to come from")
  String issuer;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(names = "--annotated", paramLabel = "OUT.png", description = "write the page with boxes and scores drawn on it")
  Path annotated;

  @Option(names = "--detector", description = "how stamps and signatures are found: ink or learned (default: ${DEFAULT-VALUE})")
  String detector = VerifierConfig.DEFAULT_DETECTOR.label();

  @Option(names = "--page", paramLabel = "N", description = "page of a PDF or multi-page TIFF to check, counting from 1 (default: ${DEFAULT-VALUE})")
  int page = 1;

  @Parameters(paramLabel = "DOCUMENT", description = "scanned page (PNG, JPEG, TIFF) or PDF (rendered at 300 dpi)")
  Path document;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      PageLoader loader = new PageLoader(registry.maxPixels);
      BufferedImage image = loader.load(document, page);
      DocumentVerifier verifier = DefaultDocumentVerifier.open(registry.config().withDetector(Detector.parse(detector)));
      String name = document.getFileName() == null ? document.toString() : document.getFileName().toString();
      VerificationReport report = verifier.verify(issuer, page == 1 ? name : name + " page " + page, image);
      System.out.println(json ? toJson(report) : table(report));
      if (annotated != null) {
        ImageIO.write(annotate(image, report), "png", annotated.toFile());
      }
      return 0;
    });
  }

  /** The JSON shape; {@code similarity} is left out for {@code no_reference}, where nothing was compared. */
  static String toJson(VerificationReport report) throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("document", report.document());
    root.put("issuer", report.issuer());
    root.put("method", report.method());
    ArrayNode regions = root.putArray("regions");
    for (RegionResult r : report.regions()) {
      ObjectNode o = regions.addObject();
      o.put("kind", r.detection().kind().label());
      Box b = r.detection().box();
      o.putArray("box").add(b.x()).add(b.y()).add(b.width()).add(b.height());
      o.put("confidence", Math.round(r.detection().confidence() * 1000) / 1000.0);
      r.similarity().ifPresent(s -> o.put("similarity", Math.round(s * 100) / 100.0));
      o.put("verdict", r.verdict().label());
      ObjectNode t = o.putObject("text");
      t.put("check", r.text().label());
      switch (r.text()) {
        case TextCheck.Matches x -> t.put("read", x.read()).put("registered", x.registered());
        case TextCheck.Differs x -> t.put("read", x.read()).put("registered", x.registered()).put("edits", x.edits());
        case TextCheck.Unreadable x -> t.put("why", x.why());
        case TextCheck.OcrUnavailable x -> t.put("why", x.why());
        case TextCheck.NotChecked x -> { }
      }
    }
    root.put("suspicious", report.suspicious());
    root.put("text_differs", report.textDiffers());
    root.put("reason", report.reason());
    return m.writeValueAsString(root);
  }

  private static String table(VerificationReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %-24s %10s %11s  %s%n", "kind", "box (x,y,w,h)", "confidence", "similarity", "verdict"));
    for (RegionResult r : report.regions()) {
      Box b = r.detection().box();
      sb.append(String.format(Locale.ROOT, "%-10s %-24s %10.2f %11s  %s%n", r.detection().kind().label(),
          b.x() + "," + b.y() + "," + b.width() + "," + b.height(), r.detection().confidence(),
          r.similarity().isPresent() ? String.format(Locale.ROOT, "%.2f %%", r.similarity().getAsDouble()) : "-",
          r.verdict().label()));
    }
    sb.append(report.reason());
    return sb.toString();
  }

  private static BufferedImage annotate(BufferedImage page, VerificationReport report) {
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(page, 0, 0, null);
    g.setStroke(new BasicStroke(Math.max(3f, page.getWidth() / 600f)));
    g.setFont(new Font("SansSerif", Font.BOLD, Math.max(14, page.getWidth() / 60)));
    for (RegionResult r : report.regions()) {
      Color c = switch (r.verdict()) {
        case Verdict.Consistent x -> new Color(0x1a9641);
        case Verdict.Suspicious x -> new Color(0xd7191c);
        case Verdict.NoReference x -> new Color(0x999999);
      };
      Box b = r.detection().box();
      g.setColor(c);
      g.drawRect(b.x(), b.y(), b.width(), b.height());
      String label = r.detection().kind().label()
          + (r.similarity().isPresent() ? String.format(Locale.ROOT, " %.1f%%", r.similarity().getAsDouble()) : "")
          + " " + r.verdict().label();
      g.drawString(label, b.x(), Math.max(g.getFont().getSize(), b.y() - 8));
    }
    g.dispose();
    return out;
  }
}
