package org.riskgate.documents.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;
import org.riskgate.documents.DocumentInputException;

/**
 * Renders one page of a PDF with PDFBox, refusing what could crash or exhaust the JVM.
 *
 * <p>Before anything is rendered: the file must end with {@code %%EOF} (PDFBox silently repairs a
 * truncated file into a blank or partial page), the page's size at the chosen resolution and the
 * declared size of every image it draws must stay within the pixel limit, and images in formats
 * no kept library decodes (JBIG2, JPEG 2000) are refused rather than rendered as blank areas.
 * Streams that PDFBox buffers while parsing go to temporary files once they pass a few MiB.
 */
final class PdfPages {

  /** Scratch buffers for decoded streams stay on the heap up to this size, then go to temp files. */
  private static final long SCRATCH_IN_MEMORY = 8L << 20;
  /** Acrobat accepts {@code %%EOF} anywhere in the last 1024 bytes; so do we. */
  private static final int EOF_WINDOW = 1024;
  /** Form XObjects nested deeper than this are not inspected for images. */
  private static final int MAX_FORM_DEPTH = 12;

  private PdfPages() {}

  /**
   * Page {@code page} (1-based) of {@code file} as an RGB image at {@code dpi}.
   *
   * @throws DocumentInputException for a damaged, protected, empty or too large document
   * @throws IllegalArgumentException when the document has fewer than {@code page} pages
   */
  static BufferedImage render(Path file, String name, int page, long maxPixels, float dpi) {
    requireEofMarker(file, name);
    PDDocument doc;
    try {
      doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupMixed(SCRATCH_IN_MEMORY).streamCache);
    } catch (InvalidPasswordException e) {
      throw new DocumentInputException.Unsupported(
          name + " is password-protected; save the page without protection and try again");
    } catch (IOException | RuntimeException e) {
      throw new DocumentInputException.Corrupt(name + " is not a readable PDF: " + e.getMessage(), e);
    }
    try {
      return render(doc, name, page, maxPixels, dpi);
    } finally {
      try {
        doc.close();
      } catch (IOException ignored) {
        // the page is already rendered (or the error already reported); nothing left to lose
      }
    }
  }

  private static BufferedImage render(PDDocument doc, String name, int page, long maxPixels, float dpi) {
    String label = name + " page " + page;
    int pages;
    PDPage p;
    PDRectangle box;
    try {
      pages = doc.getNumberOfPages();
      p = pages >= page ? doc.getPage(page - 1) : null;
      box = p == null ? null : p.getCropBox();
    } catch (RuntimeException e) {
      throw new DocumentInputException.Corrupt(name + " has a damaged page tree: " + e.getMessage(), e);
    }
    if (pages <= 0) {
      throw new DocumentInputException.EmptyPage(name + " is a PDF without any pages");
    }
    if (p == null) {
      throw new IllegalArgumentException(name + " has " + pages + (pages == 1 ? " page" : " pages")
          + "; there is no page " + page + " (pages count from 1)");
    }
    // the visible page is the crop box (the media box unless the page narrows it), at dpi / 72 pixels a
    // point; rounded, not floored, so a 595.2 x 841.92 pt (or 210 x 297 mm) page gives 2480 x 3508 at 300 dpi
    float scale = dpi / 72f;
    double w = Math.rint((double) Math.abs(box.getWidth()) * scale);
    double h = Math.rint((double) Math.abs(box.getHeight()) * scale);
    if (!Double.isFinite(w) || !Double.isFinite(h) || w < 1 || h < 1) {
      throw new DocumentInputException.Corrupt(label + " declares an empty or invalid size "
          + box.getWidth() + " x " + box.getHeight() + " pt", null);
    }
    long limit = Math.min(maxPixels, Integer.MAX_VALUE - 8); // also what one Java image can hold
    if (w * h > limit) {
      throw new DocumentInputException.TooLarge(label + " at " + fmt(dpi) + " dpi",
          w * h >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (w * h), limit);
    }
    int rotation = p.getRotation();
    boolean turned = rotation == 90 || rotation == 270;
    int width = (int) (turned ? h : w);
    int height = (int) (turned ? w : h);
    try {
      checkImages(p.getCOSObject().getCOSDictionary(COSName.RESOURCES), label, maxPixels,
          Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    } catch (DocumentInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DocumentInputException.Corrupt(label + " has damaged resources: " + e.getMessage(), e);
    }
    // the only page-sized buffer: the one checked above
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      PDFRenderer renderer = new PDFRenderer(doc);
      // an embedded scan finer than the output is read with subsampling: smaller buffers
      renderer.setSubsamplingAllowed(true);
      renderer.renderPageToGraphics(page - 1, g, scale, scale, RenderDestination.EXPORT);
    } catch (IOException | RuntimeException e) {
      throw new DocumentInputException.Corrupt(label + " cannot be rendered (damaged content): " + e.getMessage(), e);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Declared sizes and codecs of the images a page (and the forms it draws) uses; nothing is decoded. */
  private static void checkImages(COSDictionary resources, String label, long maxPixels, Set<COSBase> seen, int depth) {
    if (resources == null || depth > MAX_FORM_DEPTH) {
      return;
    }
    COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
    if (xobjects == null) {
      return;
    }
    for (COSName key : xobjects.keySet()) {
      if (!(xobjects.getDictionaryObject(key) instanceof COSStream s) || !seen.add(s)) {
        continue;
      }
      COSName subtype = s.getCOSName(COSName.SUBTYPE);
      if (COSName.IMAGE.equals(subtype)) {
        long w = s.getLong(COSName.WIDTH, -1);
        long h = s.getLong(COSName.HEIGHT, -1);
        if (w <= 0 || h <= 0) {
          throw new DocumentInputException.Corrupt(label + " embeds an image of invalid size " + w + "x" + h, null);
        }
        if (w * h > maxPixels) {
          throw new DocumentInputException.TooLarge(label + " (an embedded image of " + w + "x" + h + ")", w * h, maxPixels);
        }
        for (COSName filter : filters(s)) {
          if (COSName.JBIG2_DECODE.equals(filter) && !ImageIO.getImageReadersByFormatName("JBIG2").hasNext()) {
            throw new DocumentInputException.Unsupported(label
                + " holds a JBIG2-compressed image, which no bundled decoder reads; export the page as PNG, JPEG or TIFF");
          }
          if (COSName.JPX_DECODE.equals(filter) && !ImageIO.getImageReadersByFormatName("jpeg2000").hasNext()) {
            throw new DocumentInputException.Unsupported(label
                + " holds a JPEG 2000 image, which no bundled decoder reads; export the page as PNG, JPEG or TIFF");
          }
        }
      } else if (COSName.FORM.equals(subtype)) {
        checkImages(s.getCOSDictionary(COSName.RESOURCES), label, maxPixels, seen, depth + 1);
      }
    }
  }

  private static List<COSName> filters(COSStream s) {
    COSBase f = s.getFilters();
    if (f instanceof COSName n) {
      return List.of(n);
    }
    if (f instanceof COSArray a) {
      List<COSName> names = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        if (a.getObject(i) instanceof COSName n) {
          names.add(n);
        }
      }
      return names;
    }
    return List.of();
  }

  /** A PDF cut short loses its {@code %%EOF}; PDFBox would quietly rebuild it into a partial page. */
  private static void requireEofMarker(Path file, String name) {
    byte[] tail;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      tail = new byte[(int) Math.min(len, EOF_WINDOW)];
      raf.seek(len - tail.length);
      raf.readFully(tail);
    } catch (IOException e) {
      throw new DocumentInputException.Corrupt("cannot read " + name + ": " + e.getMessage(), e);
    }
    if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
      throw new DocumentInputException.Corrupt(
          name + " is truncated or damaged: the PDF does not end with an %%EOF marker", null);
    }
  }

  private static String fmt(float dpi) {
    return dpi == Math.rint(dpi) ? Integer.toString((int) dpi) : Float.toString(dpi);
  }
}
