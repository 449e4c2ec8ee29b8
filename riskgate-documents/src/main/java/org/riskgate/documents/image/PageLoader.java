package org.riskgate.documents.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.riskgate.documents.DocumentInputException;

/**
 * Reads a page image while refusing what could crash or exhaust the JVM.
 *
 * <p>The dimensions come from the reader's header parsing ({@link ImageReader#getWidth}) so an
 * image that declares too many pixels is refused before a single pixel buffer is allocated.
 * Decoders' warnings count as corruption, because the JPEG reader otherwise returns a grey-filled
 * image for a truncated file without failing.
 */
public final class PageLoader {

  private final long maxPixels;

  /** A loader that refuses images with more than {@code maxPixels} pixels. */
  public PageLoader(long maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive");
    }
    this.maxPixels = maxPixels;
  }

  /**
   * Reads the first page of an image file into an RGB image.
   *
   * @throws DocumentInputException for a missing, corrupt, unsupported or too large file
   */
  public BufferedImage load(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (NoSuchFileException e) {
      throw new DocumentInputException.Unsupported("no such file: " + file);
    } catch (IOException e) {
      throw new DocumentInputException.Corrupt("cannot read " + name + ": " + e.getMessage(), e);
    }
    if (n == 0) {
      throw new DocumentInputException.Corrupt(name + " is empty (0 bytes)", null);
    }
    if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
      throw new DocumentInputException.Unsupported(
          name + " is a PDF; no PDF renderer is bundled, export the page as PNG, JPEG or TIFF");
    }
    try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
      if (iis == null) {
        throw new DocumentInputException.Unsupported("cannot open " + name);
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        throw new DocumentInputException.Unsupported(
            name + " is not a PNG, JPEG, TIFF, BMP or GIF image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        return decode(reader, name);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new DocumentInputException.Corrupt(name + " is damaged: " + e.getMessage(), e);
    }
  }

  private BufferedImage decode(ImageReader reader, String name) {
    long w;
    long h;
    try {
      w = reader.getWidth(0);
      h = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw new DocumentInputException.Corrupt(name + " has an unreadable header: " + e.getMessage(), e);
    }
    if (w <= 0 || h <= 0) {
      throw new DocumentInputException.Corrupt(name + " declares an empty size " + w + "x" + h, null);
    }
    if (w * h > maxPixels) {
      throw new DocumentInputException.TooLarge(name, w * h, maxPixels);
    }
    List<String> warnings = new ArrayList<>();
    IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
    reader.addIIOReadWarningListener(listener);
    BufferedImage img;
    try {
      img = reader.read(0);
    } catch (IOException | RuntimeException e) {
      // decoders throw assorted runtime exceptions on garbage data; all mean the same to the user
      throw new DocumentInputException.Corrupt(name + " is damaged or truncated: " + e.getMessage(), e);
    }
    if (!warnings.isEmpty()) {
      throw new DocumentInputException.Corrupt(name + " is damaged or truncated: " + warnings.getFirst(), null);
    }
    return Rasters.toRgb(img);
  }

  /** The configured limit. */
  public long maxPixels() {
    return maxPixels;
  }
}
