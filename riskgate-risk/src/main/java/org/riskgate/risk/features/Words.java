package org.riskgate.risk.features;

/**
 * Numbers as the reasons print them. Reasons are written for every red and yellow declaration of
 * a batch, and {@code String.format} was the most expensive step of explaining one (and among the
 * costliest methods for the JIT to compile), so these few shapes are done by hand.
 */
final class Words {
  private Words() {}

  /** Rounded to a whole number, with thousands separators: 1,234,568. */
  static String money(double v) {
    long n = Math.round(v);
    String digits = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder(digits.length() + 8);
    if (n < 0) {
      b.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }

  /** Rounded to a whole number: 12. */
  static String whole(double v) {
    return Long.toString(Math.round(v));
  }

  /** Rounded to one decimal: 2.5. */
  static String oneDecimal(double v) {
    long tenths = Math.round(Math.abs(v) * 10);
    return (v < 0 && tenths > 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
  }
}
