package org.riskgate.documents;

import java.util.Locale;

/** How regions are turned into embeddings for comparison. */
public enum Method {
  /**
   * OpenCV registration of the region onto each reference (rotation search, then ECC), scored
   * from directed chamfer distances, worst windows and, for signatures, pen width, tremor and
   * slant, by a small logistic regression fitted on training issuers.
   */
  CLASSICAL,
  /** A small Siamese CNN trained in the project on synthetic data (DJL, PyTorch engine). */
  CNN,
  /**
   * Per kind, the method with the lower equal error rate on validation issuers (higher ROC AUC on
   * a tie): at present the classical method for both stamps and signatures. The default.
   */
  BEST;

  /** The method {@link #BEST} uses for a kind; other methods answer themselves. */
  public Method forKind(Kind kind) {
    return switch (this) {
      case CLASSICAL, CNN -> this;
      case BEST -> switch (kind) {
        case STAMP, SIGNATURE -> CLASSICAL;
      };
    };
  }

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code classical}, {@code cnn} or {@code best} (any case). */
  public static Method parse(String text) {
    for (Method m : values()) {
      if (m.label().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("method must be classical, cnn or best, not '" + text + "'");
  }
}
