package org.riskgate.documents;

/**
 * A page or reference image that cannot be used. A closed family, so callers can tell the user
 * precisely what is wrong; the message is written for people.
 */
public abstract sealed class DocumentInputException extends RuntimeException
    permits DocumentInputException.Corrupt,
        DocumentInputException.Unsupported,
        DocumentInputException.TooLarge,
        DocumentInputException.EmptyPage {

  private DocumentInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The file is damaged or truncated. */
  public static final class Corrupt extends DocumentInputException {
    /** With the decoder's error as cause, when there is one. */
    public Corrupt(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The file is not in a supported format (PNG, JPEG, TIFF, BMP, GIF). */
  public static final class Unsupported extends DocumentInputException {
    /** Names what was found. */
    public Unsupported(String message) {
      super(message, null);
    }
  }

  /** The image declares more pixels than allowed; refused before decoding. */
  public static final class TooLarge extends DocumentInputException {
    private final long pixels;
    private final long limit;

    /** The declared and allowed pixel counts. */
    public TooLarge(String name, long pixels, long limit) {
      super(name + " declares " + pixels + " pixels, more than the limit of " + limit
          + " (a decompression bomb or a scan at far too high a resolution)", null);
      this.pixels = pixels;
      this.limit = limit;
    }

    /** Pixels the image declares. */
    public long pixels() {
      return pixels;
    }

    /** The configured limit. */
    public long limit() {
      return limit;
    }
  }

  /** The page holds no ink at all (blank, or a single colour). */
  public static final class EmptyPage extends DocumentInputException {
    /** Names the page. */
    public EmptyPage(String message) {
      super(message, null);
    }
  }
}
