package org.riskgate.documents;

import java.util.Locale;

/** How regions are turned into embeddings for comparison. */
public enum Method {
  /** Histogram of oriented gradients on ink maps, searched over rotations; no training. */
  CLASSICAL;

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code classical} or {@code cnn} (any case). */
  public static Method parse(String text) {
    for (Method m : values()) {
      if (m.label().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("method must be classical, not '" + text + "'");
  }
}
