package org.riskgate.hs;

/** One toolkit for all tests: building the index and loading the Korean dictionary takes seconds. */
final class Shared {
  static final HsToolkit TOOLKIT = HsToolkit.builtIn();

  private Shared() {}
}
