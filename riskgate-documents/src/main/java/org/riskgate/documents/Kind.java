package org.riskgate.documents;

import java.util.Locale;

/** What a region holds: an issuing authority's stamp (seal) or a person's handwritten signature. */
public enum Kind {
  /** An inked stamp or seal: round, oval or rectangular, any ink colour. */
  STAMP,
  /** A handwritten signature. */
  SIGNATURE;

  /** The lower-case name used on the command line and in JSON ({@code stamp}, {@code signature}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code stamp} or {@code signature} (any case).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Kind parse(String text) {
    for (Kind k : values()) {
      if (k.label().equalsIgnoreCase(text.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind must be stamp or signature, not '" + text + "'");
  }
}
