package org.riskgate.documents;

import java.util.Locale;

/** How stamps and signatures are found on a page. */
public enum Detector {
  /**
   * Hand-set rules over ink masks: connected pieces of one ink grouped, then called stamp or
   * signature from their pieces, density, frame and shape.
   */
  INK,
  /**
   * A small fully convolutional network trained in the project (DJL, PyTorch engine) on the
   * training generator's varied pages calls every cell of the page at 75 dpi background, stamp
   * or signature; connected cells make the regions.
   */
  LEARNED;

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code ink} or {@code learned} (any case). */
  public static Detector parse(String text) {
    for (Detector d : values()) {
      if (d.label().equalsIgnoreCase(text.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException("detector must be ink or learned, not '" + text + "'");
  }
}
