package org.riskgate.documents.read;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;
import org.riskgate.documents.Box;
import org.riskgate.documents.TextCheck;
import org.riskgate.documents.image.Rasters;

/**
 * Reads a stamp's text with Tesseract (bytedeco's preset, natives from Maven Central) and English
 * language data from Debian's {@code tesseract-ocr-eng} (or the folder named by the
 * {@code riskgate.tessdata} property or {@code TESSDATA_PREFIX}); nothing is downloaded. A round
 * or oval stamp's ring is first unwrapped into a straight strip ({@link RingStrip}); a rectangular
 * one is read as a block. Where the engine or its data is missing, {@link #check} answers {@link
 * TextCheck.OcrUnavailable} with the reason, never a silent pass.
 *
 * <p>One engine, used by one thread at a time (Tesseract's API object is not thread-safe).
 */
public final class StampReader implements AutoCloseable {

  private static final List<Path> DEBIAN_TESSDATA =
      List.of(Path.of("/usr/share/tesseract-ocr/5/tessdata"), Path.of("/usr/share/tesseract-ocr/4.00/tessdata"));
  /** Fewer letters than this read on either side leave nothing worth comparing. */
  private static final int MIN_LETTERS = 6;

  private final TessBaseAPI api;
  private final String unavailable;

  private StampReader(TessBaseAPI api, String unavailable) {
    this.api = api;
    this.unavailable = unavailable;
  }

  /** A reader over the first folder that holds {@code eng.traineddata}, or one that says why it cannot read. */
  public static StampReader open() {
    return open(candidates());
  }

  /** A reader over the first of these folders that holds {@code eng.traineddata}. */
  public static StampReader open(List<Path> folders) {
    Optional<Path> data = folders.stream().filter(p -> Files.isReadable(p.resolve("eng.traineddata"))).findFirst();
    if (data.isEmpty()) {
      return new StampReader(null, "no eng.traineddata in " + folders + " (apt-get install tesseract-ocr-eng)");
    }
    try {
      TessBaseAPI api = new TessBaseAPI();
      if (api.Init(data.get().toString(), "eng") != 0) {
        api.close();
        return new StampReader(null, "Tesseract could not load " + data.get().resolve("eng.traineddata"));
      }
      api.SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-&* ");
      api.SetVariable("debug_file", "/dev/null");
      return new StampReader(api, null);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return new StampReader(null, "Tesseract's natives do not load here (" + e.getMessage() + ")");
    }
  }

  private static List<Path> candidates() {
    List<Path> c = new ArrayList<>();
    String prop = System.getProperty("riskgate.tessdata");
    if (prop != null) {
      c.add(Path.of(prop));
    }
    String env = System.getenv("TESSDATA_PREFIX");
    if (env != null) {
      c.add(Path.of(env));
    }
    c.addAll(DEBIAN_TESSDATA);
    return c;
  }

  /** Empty when the engine works, else why not. */
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  /**
   * The text of the stamp in {@code box} of a 300 dpi page, upper case; empty when nothing was
   * read.
   *
   * @throws IllegalStateException when the engine is unavailable
   */
  public synchronized String read(BufferedImage page, Box box, boolean round) {
    if (api == null) {
      throw new IllegalStateException("OCR unavailable: " + unavailable);
    }
    BufferedImage rgb = Rasters.toRgb(page);
    RingStrip.Gray img = round ? RingStrip.unwrap(rgb, box) : RingStrip.block(rgb, box);
    api.SetPageSegMode(round ? tesseract.PSM_SINGLE_LINE : tesseract.PSM_SINGLE_BLOCK);
    api.SetImage(img.pixels(), img.width(), img.height(), 1, img.width());
    try (BytePointer out = api.GetUTF8Text()) {
      String text = out == null ? "" : out.getString();
      return text.replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
    } finally {
      api.Clear();
    }
  }

  /**
   * A registered stamp's text, read once per reference. The reference says whether the stamp is
   * round: its ink leaves the corners of its box empty.
   *
   * @param text as read, upper case
   * @param round read as a ring
   */
  public record Registered(String text, boolean round) {}

  /** Reads a reference image (the stamp alone on paper); empty text when the engine is unavailable. */
  public Registered registered(BufferedImage reference) {
    BufferedImage ref = Rasters.toRgb(reference);
    Box refBox = RingStrip.inkBounds(ref);
    boolean round = RingStrip.round(ref, refBox);
    return new Registered(api == null ? "" : read(ref, refBox, round), round);
  }

  /**
   * Reads the page's stamp and compares it with the registered text; a round stamp's two
   * readings may start at different points of the ring, so they are compared at every rotation.
   */
  public TextCheck check(BufferedImage page, Box box, Registered registered) {
    if (api == null) {
      return new TextCheck.OcrUnavailable(unavailable);
    }
    String read = read(page, box, registered.round());
    String a = letters(read);
    String b = letters(registered.text());
    if (b.length() < MIN_LETTERS) {
      return new TextCheck.Unreadable("the reference's text could not be read ('" + registered.text() + "')");
    }
    if (a.length() < MIN_LETTERS) {
      return new TextCheck.Unreadable("the stamp's text could not be read ('" + read + "')");
    }
    int edits = registered.round() ? cyclicDistance(a, b) : distance(a, b);
    return edits == 0 ? new TextCheck.Matches(read, registered.text()) : new TextCheck.Differs(read, registered.text(), edits);
  }

  /** Letters and digits only: spaces, stars and stray marks are not what a forger changes. */
  static String letters(String s) {
    return s.replaceAll("[^A-Z0-9]", "");
  }

  /** The least edit distance from any rotation of {@code a} to {@code b}. */
  static int cyclicDistance(String a, String b) {
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < a.length(); i++) {
      best = Math.min(best, distance(a.substring(i) + a.substring(0, i), b));
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public synchronized void close() {
    if (api != null) {
      api.End();
      api.close();
    }
  }
}
