package org.riskgate.selectivity;

/** Where a declaration goes at the border. */
public enum Lane {
  /** Physical inspection. */
  RED,
  /** Documentary check. */
  YELLOW,
  /** Fast track: released without inspection. */
  GREEN;

  /** Lower-case name as written in files and on the API. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
