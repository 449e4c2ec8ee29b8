package org.riskgate.documents;

/**
 * The outcome of comparing one region with the issuer's registered reference. A closed set:
 * handle it with an exhaustive {@code switch}.
 */
public sealed interface Verdict permits Verdict.Consistent, Verdict.Suspicious, Verdict.NoReference {

  /** The JSON / command-line name: {@code consistent}, {@code suspicious} or {@code no_reference}. */
  String label();

  /**
   * The similarity reached the validated threshold.
   *
   * @param similarity 0 to 100 %
   */
  record Consistent(double similarity) implements Verdict {
    /** Checks the range. */
    public Consistent {
      checkPercent(similarity);
    }

    @Override
    public String label() {
      return "consistent";
    }
  }

  /**
   * The similarity stayed below the validated threshold: possibly forged or copied.
   *
   * @param similarity 0 to 100 %
   */
  record Suspicious(double similarity) implements Verdict {
    /** Checks the range. */
    public Suspicious {
      checkPercent(similarity);
    }

    @Override
    public String label() {
      return "suspicious";
    }
  }

  /** The issuer has no active reference of this kind, so nothing could be compared. */
  record NoReference() implements Verdict {
    @Override
    public String label() {
      return "no_reference";
    }
  }

  private static void checkPercent(double similarity) {
    if (!(similarity >= 0 && similarity <= 100)) {
      throw new IllegalArgumentException("similarity must be in [0, 100]: " + similarity);
    }
  }
}
