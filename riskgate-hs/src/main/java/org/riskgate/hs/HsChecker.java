package org.riskgate.hs;

/** Checks a declared HS code against the item description. Implementations are thread-safe. */
public interface HsChecker {

  /**
   * Checks one declaration line.
   *
   * @param description the declared item description
   * @param declared the declared code (HS6 or a national 8-10 digit code)
   * @throws InvalidDescriptionException if the description is empty, huge or binary
   */
  HsCheck check(String description, HsCode declared);
}
