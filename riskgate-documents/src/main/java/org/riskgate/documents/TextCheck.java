package org.riskgate.documents;

import java.util.Objects;

/**
 * What reading a stamp's text said against the registered reference's text. A closed set: handle
 * it with an exhaustive {@code switch}. Texts are as read, upper-cased; the comparison ignores
 * spaces and punctuation and, for a round stamp, where the ring starts.
 */
public sealed interface TextCheck
    permits TextCheck.Matches, TextCheck.Differs, TextCheck.Unreadable, TextCheck.OcrUnavailable, TextCheck.NotChecked {

  /** The JSON / command-line name. */
  String label();

  /** The page's stamp reads as the reference does. */
  record Matches(String read, String registered) implements TextCheck {
    /** Checks the arguments. */
    public Matches {
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(registered, "registered");
    }

    @Override
    public String label() {
      return "matches";
    }
  }

  /**
   * The page's stamp reads differently: a reason to look, as a forger re-cutting a stamp often
   * changes a letter.
   *
   * @param edits letters inserted, deleted or changed between the two readings
   */
  record Differs(String read, String registered, int edits) implements TextCheck {
    /** Checks the arguments. */
    public Differs {
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(registered, "registered");
      if (edits < 1) {
        throw new IllegalArgumentException("a difference needs at least one edit: " + edits);
      }
    }

    @Override
    public String label() {
      return "differs";
    }
  }

  /** Text was looked for but too little could be read (on the page or on the reference) to compare. */
  record Unreadable(String why) implements TextCheck {
    @Override
    public String label() {
      return "unreadable";
    }
  }

  /** The OCR engine or its language data is missing here, so no stamp's text was read. */
  record OcrUnavailable(String why) implements TextCheck {
    @Override
    public String label() {
      return "ocr_unavailable";
    }
  }

  /** Not a stamp, or nothing to compare with (no reference). */
  record NotChecked() implements TextCheck {
    @Override
    public String label() {
      return "not_checked";
    }
  }
}
