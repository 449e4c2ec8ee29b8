package org.riskgate.hs;

import java.util.Optional;

/**
 * An HS code of 2, 4, 6 or 8-10 digits. Dots and spaces are removed on parsing ("8471.30" is
 * "847130") so codes written the way declarants write them are accepted.
 *
 * @param digits the code's digits only
 */
public record HsCode(String digits) implements Comparable<HsCode> {

  /** Checks that the code is all digits and of a valid length. */
  public HsCode {
    if (digits == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("an HS code has digits only: " + digits);
    }
    HsLevel.ofDigits(digits.length());
  }

  /** Parses a code as written on a declaration, e.g. "0202.30", "8471 30 00 00" or "020230". */
  public static HsCode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("an HS code is required");
    }
    return new HsCode(text.strip().replaceAll("[.\\s-]", ""));
  }

  /** Like {@link #parse} but empty when the text is not a valid code. */
  public static Optional<HsCode> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The level of this code. */
  public HsLevel level() {
    return HsLevel.ofDigits(digits.length());
  }

  /** The first two digits. */
  public String chapter() {
    return digits.substring(0, 2);
  }

  /** The first four digits, empty for a chapter. */
  public Optional<String> heading() {
    return digits.length() >= 4 ? Optional.of(digits.substring(0, 4)) : Optional.empty();
  }

  /** The first six digits, empty above subheading level. */
  public Optional<String> subheading() {
    return digits.length() >= 6 ? Optional.of(digits.substring(0, 6)) : Optional.empty();
  }

  /** Whether this code equals or lies below {@code other} in the tree (prefix match). */
  public boolean within(HsCode other) {
    return digits.startsWith(other.digits);
  }

  @Override
  public int compareTo(HsCode o) {
    return digits.compareTo(o.digits);
  }

  @Override
  public String toString() {
    return digits;
  }
}
