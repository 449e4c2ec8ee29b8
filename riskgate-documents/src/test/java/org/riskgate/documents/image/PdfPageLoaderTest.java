package org.riskgate.documents.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.Detection;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.Kind;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/** PDF pages: every PDF here is written by PDFBox in the test itself. */
class PdfPageLoaderTest {

  @TempDir Path dir;
  private final PageLoader loader = new PageLoader(60_000_000);

  /** A scanner's PDF: one page per image, sized so that the image covers it at 300 dpi. */
  private Path scanPdf(String name, BufferedImage... pages) throws IOException {
    Path p = dir.resolve(name);
    try (PDDocument doc = new PDDocument()) {
      for (BufferedImage img : pages) {
        PDRectangle box = new PDRectangle(img.getWidth() * 72f / 300, img.getHeight() * 72f / 300);
        addImagePage(doc, box, img.getWidth() > 1000 ? JPEGFactory.createFromImage(doc, img, 0.92f)
            : LosslessFactory.createFromImage(doc, img));
      }
      doc.save(p.toFile());
    }
    return p;
  }

  private static PDPage addImagePage(PDDocument doc, PDRectangle box, PDImageXObject image) throws IOException {
    PDPage page = new PDPage(box);
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
    }
    return page;
  }

  private static BufferedImage filled(int w, int h, Color c) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  private Path validPdf() throws IOException {
    return scanPdf("valid.pdf", filled(200, 100, Color.RED));
  }

  @Test
  void a4ScanInAPdfComesBackAt2480x3508InColourAndTheDetectorFindsItsStampAndSignature() throws IOException {
    SyntheticData data = new SyntheticData(11, 10);
    PageSample sample = data.page(data.issuers().get(0), Forgery.GENUINE, Forgery.GENUINE, new Random(100));
    assertThat(sample.image().getWidth()).isEqualTo(2480);
    Path pdf = scanPdf("invoice.pdf", sample.image());

    BufferedImage page = loader.load(pdf);

    assertThat(page.getWidth()).isEqualTo(2480);
    assertThat(page.getHeight()).isEqualTo(3508);
    assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    List<Detection> found = new InkDetector().detect(page);
    assertThat(sample.truths()).extracting(Truth::kind).contains(Kind.STAMP, Kind.SIGNATURE);
    for (Truth t : sample.truths()) {
      assertThat(found).as("%s at %s", t.kind(), t.box())
          .anyMatch(d -> d.kind() == t.kind() && d.box().iou(t.box()) >= 0.5);
    }
    // the stamp's coloured ink survives: the page was rendered in RGB, not grey
    Truth stamp = sample.truths().stream().filter(t -> t.kind() == Kind.STAMP).findFirst().orElseThrow();
    int coloured = 0;
    for (int y = stamp.box().y(); y < stamp.box().y() + stamp.box().height(); y += 2) {
      for (int x = stamp.box().x(); x < stamp.box().x() + stamp.box().width(); x += 2) {
        coloured += Rasters.chroma(page.getRGB(x, y) & 0xffffff) > 60 ? 1 : 0;
      }
    }
    assertThat(coloured).isGreaterThan(100);
  }

  @Test
  void anA4PageIs2480x3508At300DpiAndTheResolutionIsConfigurable() throws IOException {
    Path p = dir.resolve("a4.pdf");
    try (PDDocument doc = new PDDocument()) {
      addImagePage(doc, PDRectangle.A4, LosslessFactory.createFromImage(doc, filled(100, 140, Color.BLUE)));
      doc.save(p.toFile());
    }
    BufferedImage at300 = loader.load(p);
    assertThat(at300.getWidth()).isEqualTo(2480);
    assertThat(at300.getHeight()).isEqualTo(3508);
    assertThat(at300.getRGB(1240, 1754) & 0xffffff).isEqualTo(0x0000ff);
    BufferedImage at150 = new PageLoader(60_000_000, 150).load(p);
    assertThat(at150.getWidth()).isEqualTo(1240);
    assertThat(at150.getHeight()).isEqualTo(1754);
  }

  @Test
  void choosesThePageAndSaysWhenItDoesNotExist() throws IOException {
    Path p = scanPdf("two.pdf", filled(200, 100, Color.RED), filled(200, 100, Color.BLUE));
    assertThat(loader.load(p, 1).getRGB(100, 50) & 0xffffff).isEqualTo(0xff0000);
    assertThat(loader.load(p).getRGB(100, 50) & 0xffffff).isEqualTo(0xff0000);
    assertThat(loader.load(p, 2).getRGB(100, 50) & 0xffffff).isEqualTo(0x0000ff);
    assertThatThrownBy(() -> loader.load(p, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two.pdf").hasMessageContaining("has 2 pages").hasMessageContaining("no page 3");
    assertThatThrownBy(() -> loader.load(p, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count from 1");
  }

  @Test
  void aPdfWithoutPagesIsAnEmptyPageError() throws IOException {
    Path p = dir.resolve("nothing.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.save(p.toFile());
    }
    assertThatThrownBy(() -> loader.load(p)).isInstanceOf(DocumentInputException.EmptyPage.class)
        .hasMessageContaining("nothing.pdf").hasMessageContaining("without any pages");
  }

  @Test
  void truncatedPdfsAreCorrupt() throws IOException {
    byte[] full = Files.readAllBytes(scanPdf("whole.pdf", filled(300, 200, Color.RED)));
    for (int keep : new int[] {full.length / 2, full.length - 8, 400, 12}) {
      Path cut = dir.resolve("cut-" + keep + ".pdf");
      Files.write(cut, Arrays.copyOf(full, keep));
      assertThatThrownBy(() -> loader.load(cut)).as("kept %d of %d bytes", keep, full.length)
          .isInstanceOf(DocumentInputException.Corrupt.class).hasMessageContaining(cut.getFileName().toString());
    }
  }

  @Test
  void garbageBehindAPdfHeaderIsCorrupt() throws IOException {
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    Path p = dir.resolve("junk.pdf");
    Files.write(p, concat("%PDF-1.7\n".getBytes(), junk, "\n%%EOF\n".getBytes()));
    assertThatThrownBy(() -> loader.load(p)).isInstanceOf(DocumentInputException.Corrupt.class).hasMessageContaining("junk.pdf");
    Path q = dir.resolve("objects.pdf");
    Files.writeString(q, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    assertThatThrownBy(() -> loader.load(q)).isInstanceOf(DocumentInputException.class).hasMessageContaining("objects.pdf");
  }

  @Test
  void aFileNamedPdfThatIsNoPdfIsUnsupportedButAPngSoNamedIsStillRead() throws IOException {
    Path txt = dir.resolve("scan.pdf");
    Files.writeString(txt, "Dear customs officer, please find the invoice attached.");
    assertThatThrownBy(() -> loader.load(txt)).isInstanceOf(DocumentInputException.Unsupported.class)
        .hasMessageContaining("scan.pdf").hasMessageContaining("not a PDF");
    Path png = dir.resolve("photo.pdf");
    assertThat(ImageIO.write(filled(30, 20, Color.GREEN), "png", png.toFile())).isTrue();
    assertThat(loader.load(png).getWidth()).isEqualTo(30);
  }

  @Test
  void anOversizedPageIsRefusedBeforeRendering() throws IOException {
    // 14400 pt is the largest page PDF allows: 60000 x 60000 pixels at 300 dpi, 14 GB as RGB
    Path p = dir.resolve("poster.pdf");
    try (PDDocument doc = new PDDocument()) {
      addImagePage(doc, new PDRectangle(14_400, 14_400), LosslessFactory.createFromImage(doc, filled(10, 10, Color.RED)));
      doc.save(p.toFile());
    }
    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThatThrownBy(() -> loader.load(p))
        .isInstanceOfSatisfying(DocumentInputException.TooLarge.class, e -> {
          assertThat(e.pixels()).isEqualTo(3_600_000_000L);
          assertThat(e.limit()).isEqualTo(60_000_000L);
          assertThat(e.getMessage()).contains("poster.pdf page 1 at 300 dpi");
        });
    long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThat(after - before).isLessThan(500_000_000L);
    // the same limit as for images, exact to the pixel: a 48 x 24 pt page is 200 x 100 pixels at 300 dpi
    Path small = validPdf();
    assertThatThrownBy(() -> new PageLoader(200 * 100 - 1).load(small)).isInstanceOf(DocumentInputException.TooLarge.class);
    assertThat(new PageLoader(200 * 100).load(small).getWidth()).isEqualTo(200);
  }

  /** A tiny stream that declares a 100000 x 100000 image: inflating it would need 10 GB. */
  @Test
  void anEmbeddedImageBombIsRefusedBeforeDecoding() throws IOException {
    Path p = dir.resolve("bomb.pdf");
    try (PDDocument doc = new PDDocument()) {
      Deflater def = new Deflater(9);
      def.setInput(new byte[1_000_000]);
      def.finish();
      byte[] buf = new byte[100_000];
      byte[] zipped = Arrays.copyOf(buf, def.deflate(buf));
      addImagePage(doc, new PDRectangle(200, 200), rawImage(doc, 100_000, 100_000, COSName.FLATE_DECODE, zipped));
      doc.save(p.toFile());
    }
    assertThat(Files.size(p)).isLessThan(100_000);
    assertThatThrownBy(() -> loader.load(p))
        .isInstanceOfSatisfying(DocumentInputException.TooLarge.class, e -> {
          assertThat(e.pixels()).isEqualTo(10_000_000_000L);
          assertThat(e.getMessage()).contains("bomb.pdf page 1").contains("embedded image");
        });
  }

  /** An image XObject written as is: {@code encoded} is stored with {@code filter} and never checked. */
  private static PDImageXObject rawImage(PDDocument doc, int w, int h, COSName filter, byte[] encoded) throws IOException {
    COSStream raw = doc.getDocument().createCOSStream();
    try (OutputStream out = raw.createRawOutputStream()) {
      out.write(encoded);
    }
    raw.setItem(COSName.FILTER, filter);
    PDStream stream = new PDStream(raw);
    stream.getCOSObject().setItem(COSName.TYPE, COSName.XOBJECT);
    stream.getCOSObject().setItem(COSName.SUBTYPE, COSName.IMAGE);
    stream.getCOSObject().setInt(COSName.WIDTH, w);
    stream.getCOSObject().setInt(COSName.HEIGHT, h);
    stream.getCOSObject().setInt(COSName.BITS_PER_COMPONENT, filter == COSName.JBIG2_DECODE ? 1 : 8);
    stream.getCOSObject().setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
    return new PDImageXObject(stream, null);
  }

  /** JBIG2 (common in black-and-white scans) has no decoder among the kept libraries: refused, not drawn blank. */
  @Test
  void aJbig2ImageIsUnsupportedRatherThanABlankPage() throws IOException {
    Path p = dir.resolve("bw-scan.pdf");
    try (PDDocument doc = new PDDocument()) {
      addImagePage(doc, new PDRectangle(200, 200), rawImage(doc, 800, 800, COSName.JBIG2_DECODE, new byte[64]));
      doc.save(p.toFile());
    }
    assertThatThrownBy(() -> loader.load(p)).isInstanceOf(DocumentInputException.Unsupported.class)
        .hasMessageContaining("bw-scan.pdf page 1").hasMessageContaining("JBIG2");
  }

  @Test
  void aPasswordProtectedPdfIsRefusedClearlyButAnOwnerOnlyLockIsRead() throws IOException {
    for (String user : new String[] {"secret", ""}) {
      Path p = dir.resolve(user.isEmpty() ? "locked-owner.pdf" : "locked.pdf");
      try (PDDocument doc = new PDDocument()) {
        addImagePage(doc, new PDRectangle(200, 100), LosslessFactory.createFromImage(doc, filled(200, 100, Color.RED)));
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", user, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        doc.save(p.toFile());
      }
      if (user.isEmpty()) {
        assertThat(loader.load(p).getRGB(400, 200) & 0xffffff).isEqualTo(0xff0000);
      } else {
        assertThatThrownBy(() -> loader.load(p)).isInstanceOf(DocumentInputException.Unsupported.class)
            .hasMessageContaining("locked.pdf").hasMessageContaining("password");
      }
    }
  }

  @Test
  void aRotatedPageComesOutTurned() throws IOException {
    Path p = dir.resolve("turned.pdf");
    try (PDDocument doc = new PDDocument()) {
      BufferedImage img = filled(200, 100, Color.RED);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.BLUE);
      g.fillRect(100, 0, 100, 100);
      g.dispose();
      addImagePage(doc, new PDRectangle(200, 100), LosslessFactory.createFromImage(doc, img)).setRotation(90);
      doc.save(p.toFile());
    }
    BufferedImage page = loader.load(p);
    assertThat(page.getWidth()).isEqualTo(417);
    assertThat(page.getHeight()).isEqualTo(833);
    // turned a quarter clockwise: the left (red) half of the picture is now on top
    assertThat(page.getRGB(208, 200) & 0xffffff).isEqualTo(0xff0000);
    assertThat(page.getRGB(208, 630) & 0xffffff).isEqualTo(0x0000ff);
  }

  @Test
  void multiPageTiffPagesAreChosenTheSameWay() throws IOException {
    Path tiff = dir.resolve("scan.tiff");
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
      w.setOutput(out);
      w.prepareWriteSequence(null);
      w.writeToSequence(new IIOImage(filled(60, 40, Color.RED), null, null), null);
      w.writeToSequence(new IIOImage(filled(50, 30, Color.BLUE), null, null), null);
      w.endWriteSequence();
    } finally {
      w.dispose();
    }
    assertThat(loader.load(tiff).getWidth()).isEqualTo(60);
    BufferedImage second = loader.load(tiff, 2);
    assertThat(second.getWidth()).isEqualTo(50);
    assertThat(second.getRGB(10, 10) & 0xffffff).isEqualTo(0x0000ff);
    assertThatThrownBy(() -> loader.load(tiff, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scan.tiff has 2 pages; there is no page 3");
    assertThat(new PageLoader(50 * 30).load(tiff, 2).getWidth()).isEqualTo(50);
    assertThatThrownBy(() -> new PageLoader(50 * 30 - 1).load(tiff, 2)).isInstanceOf(DocumentInputException.TooLarge.class)
        .hasMessageContaining("scan.tiff page 2");
    Path png = dir.resolve("one.png");
    ImageIO.write(filled(20, 20, Color.RED), "png", png.toFile());
    assertThatThrownBy(() -> loader.load(png, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single-page");
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
