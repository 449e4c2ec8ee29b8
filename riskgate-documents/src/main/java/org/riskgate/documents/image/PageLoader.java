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
 *
 * <p>PDF pages are rendered with PDFBox at {@link #DEFAULT_PDF_DPI} unless told otherwise; their
 * size at that resolution is checked against the same limit before rendering (see {@link PdfPages}).
 */
public final class PageLoader {

  /** PDF pages are rendered at this resolution by default: an A4 page becomes 2480 x 3508, like a 300 dpi scan. */
  public static final float DEFAULT_PDF_DPI = 300f;

  private final long maxPixels;
  private final float pdfDpi;

  /** A loader that refuses images with more than {@code maxPixels} pixels and renders PDF pages at 300 dpi. */
  public PageLoader(long maxPixels) {
    this(maxPixels, DEFAULT_PDF_DPI);
  }

  /** A loader that refuses images with more than {@code maxPixels} pixels and renders PDF pages at {@code pdfDpi}. */
  public PageLoader(long maxPixels, float pdfDpi) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive");
    }
    if (!(pdfDpi >= 18 && pdfDpi <= 2400)) {
      throw new IllegalArgumentException("PDF resolution must be between 18 and 2400 dpi, got " + pdfDpi);
    }
    this.maxPixels = maxPixels;
    this.pdfDpi = pdfDpi;
  }

  /**
   * Reads the first page of an image file or PDF into an RGB image.
   *
   * @throws DocumentInputException for a missing, corrupt, unsupported or too large file
   */
  public BufferedImage load(Path file) {
    return load(file, 1);
  }

  /**
   * Reads page {@code page} (counting from 1) of a PDF or multi-page TIFF into an RGB image; other
   * formats have only page 1.
   *
   * @throws DocumentInputException for a missing, corrupt, unsupported or too large file, or a PDF
   *     without pages
   * @throws IllegalArgumentException when {@code page} is below 1 or the file has fewer pages
   */
  public BufferedImage load(Path file, int page) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (page < 1) {
      throw new IllegalArgumentException("pages count from 1; there is no page " + page + " in " + name);
    }
    byte[] head = new byte[PDF_HEADER_WINDOW];
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
    boolean namedPdf = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
    // the header may follow a little junk (the PDF reference allows it within the first 1024 bytes)
    int pdfAt = indexOf(head, n, PDF_MAGIC);
    if (pdfAt == 0 || (pdfAt > 0 && namedPdf)) {
      return PdfPages.render(file, name, page, maxPixels, pdfDpi);
    }
    try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
      if (iis == null) {
        throw new DocumentInputException.Unsupported("cannot open " + name);
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        throw new DocumentInputException.Unsupported(namedPdf
            ? name + " is named .pdf but is not a PDF (no %PDF- header) nor a PNG, JPEG, TIFF, BMP or GIF image"
            : name + " is not a PDF, PNG, JPEG, TIFF, BMP or GIF image");
      }
      ImageReader reader = readers.next();
      try {
        // multi-page TIFF: later pages are reached by index, so the reader must not be seek-forward-only
        reader.setInput(iis, page == 1, true);
        return decode(reader, name, page);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new DocumentInputException.Corrupt(name + " is damaged: " + e.getMessage(), e);
    }
  }

  private BufferedImage decode(ImageReader reader, String name, int page) {
    int index = page - 1;
    String format;
    try {
      format = reader.getFormatName();
    } catch (IOException e) {
      format = "?";
    }
    if (index > 0 && !format.equalsIgnoreCase("tif") && !format.equalsIgnoreCase("tiff")) {
      throw new IllegalArgumentException(name + " is a single-page " + format.toUpperCase(java.util.Locale.ROOT)
          + " image; there is no page " + page + " (only PDF and TIFF files have more pages)");
    }
    long w;
    long h;
    try {
      w = reader.getWidth(index);
      h = reader.getHeight(index);
    } catch (IndexOutOfBoundsException e) {
      int count;
      try {
        // the reader just walked the whole (so finite) chain of pages: counting them is cheap and ends
        count = reader.getNumImages(true);
      } catch (IOException | RuntimeException ignored) {
        count = -1;
      }
      throw new IllegalArgumentException(name + (count > 0 ? " has " + count + (count == 1 ? " page" : " pages") : " has fewer pages")
          + "; there is no page " + page + " (pages count from 1)");
    } catch (IOException | RuntimeException e) {
      throw new DocumentInputException.Corrupt(name + " has an unreadable header: " + e.getMessage(), e);
    }
    if (w <= 0 || h <= 0) {
      throw new DocumentInputException.Corrupt(name + " declares an empty size " + w + "x" + h, null);
    }
    if (w * h > maxPixels) {
      throw new DocumentInputException.TooLarge(index == 0 ? name : name + " page " + page, w * h, maxPixels);
    }
    List<String> warnings = new ArrayList<>();
    IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
    reader.addIIOReadWarningListener(listener);
    BufferedImage img;
    try {
      img = reader.read(index);
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

  /** Resolution PDF pages are rendered at. */
  public float pdfDpi() {
    return pdfDpi;
  }

  private static final int PDF_HEADER_WINDOW = 1024;
  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

  private static int indexOf(byte[] data, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
