package org.riskgate.documents.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.DocumentInputException;

class PageLoaderTest {

  @TempDir Path dir;
  private final PageLoader loader = new PageLoader(10_000_000);

  private Path write(String name, BufferedImage img, String format) throws IOException {
    Path p = dir.resolve(name);
    assertThat(ImageIO.write(img, format, p.toFile())).isTrue();
    return p;
  }

  private static BufferedImage sample() {
    BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        img.setRGB(x, y, (x * 7 + y * 13) % 256 * 0x010101);
      }
    }
    return img;
  }

  @Test
  void readsPngJpegAndTiff() throws IOException {
    for (String f : new String[] {"png", "jpeg", "tiff"}) {
      BufferedImage img = loader.load(write("page." + f, sample(), f));
      assertThat(img.getWidth()).as(f).isEqualTo(300);
      assertThat(img.getHeight()).as(f).isEqualTo(200);
      assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }
  }

  @Test
  void refusesTruncatedPng() throws IOException {
    byte[] full = Files.readAllBytes(write("p.png", sample(), "png"));
    Path cut = dir.resolve("cut.png");
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(DocumentInputException.Corrupt.class).hasMessageContaining("cut.png");
  }

  @Test
  void refusesTruncatedJpegInsteadOfReturningGreyFill() throws IOException {
    byte[] full = Files.readAllBytes(write("p.jpeg", sample(), "jpeg"));
    Path cut = dir.resolve("cut.jpg");
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(() -> loader.load(cut)).isInstanceOf(DocumentInputException.Corrupt.class);
  }

  @Test
  void refusesGarbageBehindAPngSignature() throws IOException {
    byte[] bytes = new byte[4000];
    new java.util.Random(1).nextBytes(bytes);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
    Path p = dir.resolve("garbage.png");
    Files.write(p, bytes);
    assertThatThrownBy(() -> loader.load(p)).isInstanceOf(DocumentInputException.Corrupt.class);
  }

  @Test
  void refusesUnsupportedFormatsAndBrokenPdf() throws IOException {
    Path txt = dir.resolve("notes.txt");
    Files.writeString(txt, "this is not an image at all, just some text");
    assertThatThrownBy(() -> loader.load(txt)).isInstanceOf(DocumentInputException.Unsupported.class);
    // PDFs are read (see PdfPageLoaderTest); this one stops before its end
    Path pdf = dir.resolve("scan.pdf");
    Files.writeString(pdf, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
    assertThatThrownBy(() -> loader.load(pdf)).isInstanceOf(DocumentInputException.Corrupt.class).hasMessageContaining("scan.pdf");
  }

  @Test
  void refusesEmptyAndMissingFiles() throws IOException {
    Path empty = dir.resolve("empty.png");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> loader.load(empty)).isInstanceOf(DocumentInputException.Corrupt.class);
    assertThatThrownBy(() -> loader.load(dir.resolve("missing.png"))).isInstanceOf(DocumentInputException.class);
  }

  /** A tiny PNG whose header declares 100000 x 100000 pixels: decoding it would need 40 GB. */
  @Test
  void refusesDecompressionBombBeforeDecoding() throws IOException {
    Path bomb = dir.resolve("bomb.png");
    Files.write(bomb, pngDeclaring(100_000, 100_000));
    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThatThrownBy(() -> loader.load(bomb))
        .isInstanceOfSatisfying(DocumentInputException.TooLarge.class, e -> {
          assertThat(e.pixels()).isEqualTo(10_000_000_000L);
          assertThat(e.limit()).isEqualTo(10_000_000L);
        });
    long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThat(after - before).isLessThan(500_000_000L);
  }

  @Test
  void limitIsConfigurable() throws IOException {
    Path p = write("small.png", sample(), "png");
    assertThatThrownBy(() -> new PageLoader(300 * 200 - 1).load(p)).isInstanceOf(DocumentInputException.TooLarge.class);
    assertThat(new PageLoader(300 * 200).load(p).getWidth()).isEqualTo(300);
  }

  static byte[] pngDeclaring(int w, int h) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(w);
    d.writeInt(h);
    d.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    // a few rows of zeros, compressed: the file stays tiny
    Deflater def = new Deflater();
    def.setInput(new byte[100_000]);
    def.finish();
    byte[] buf = new byte[10_000];
    int n = def.deflate(buf);
    chunk(out, "IDAT", Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return bytes.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    out.writeInt(data.length);
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
