package org.riskgate.hs.text;

import java.nio.charset.StandardCharsets;
import org.riskgate.hs.InvalidDescriptionException;

/** Rejects descriptions no classifier should see: empty, over 10 kB of UTF-8, or binary data. */
public final class TextGuard {

  /** Largest accepted description in UTF-8 bytes; real item descriptions are a few hundred. */
  public static final int MAX_BYTES = 10_000;

  private TextGuard() {}

  /**
   * Returns the text stripped of surrounding blanks, or throws.
   *
   * @throws InvalidDescriptionException naming what is wrong with the text
   */
  public static String check(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidDescriptionException("empty");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new InvalidDescriptionException("tooLong", Integer.toString(bytes), Integer.toString(MAX_BYTES));
    }
    int control = 0;
    int replacement = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new InvalidDescriptionException("nul");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        control++;
      }
      if (c == '\uFFFD') {
        replacement++; // what a decoder leaves for bytes that are not valid UTF-8
      }
    }
    // a stray control or undecodable character happens in pasted text; many mean binary input
    if (control + replacement > Math.max(2, text.length() / 20)) {
      throw new InvalidDescriptionException("binary", Integer.toString(control + replacement));
    }
    if (text.codePoints().noneMatch(Character::isLetter)) {
      throw new InvalidDescriptionException("noLetters");
    }
    return text.strip();
  }
}
