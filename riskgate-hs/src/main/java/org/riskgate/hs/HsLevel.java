package org.riskgate.hs;

/** Depth of a node in the HS tree, by number of digits. */
public enum HsLevel {
  /** Two digits, e.g. 02 "Meat and edible meat offal". */
  CHAPTER(2),
  /** Four digits, e.g. 0202 "Meat of bovine animals; frozen". */
  HEADING(4),
  /** Six digits, the internationally harmonised level. */
  SUBHEADING(6),
  /** Eight to ten digits, a national tariff line below a subheading. */
  NATIONAL(10);

  private final int digits;

  HsLevel(int digits) {
    this.digits = digits;
  }

  /** Number of digits of a code at this level (10 for national lines, which may also have 8). */
  public int digits() {
    return digits;
  }

  /** The level of a code with the given number of digits. */
  public static HsLevel ofDigits(int n) {
    return switch (n) {
      case 2 -> CHAPTER;
      case 4 -> HEADING;
      case 6 -> SUBHEADING;
      case 8, 9, 10 -> NATIONAL;
      default -> throw new IllegalArgumentException("an HS code has 2, 4, 6 or 8-10 digits, not " + n);
    };
  }
}
