package org.riskgate.documents.synth;

/**
 * A generated issuing authority: its stamp and the person who signs for it.
 *
 * @param id issuer id, e.g. {@code ISS-007}
 * @param split which split it belongs to
 * @param stamp the stamp design
 * @param signer the signer's hand
 */
public record Issuer(String id, Split split, StampDesign stamp, SignatureDesign signer) {

  /** Splits by issuer, so no test issuer is seen in training or threshold choice. */
  public enum Split {
    /** Used to train the CNN. */
    TRAIN,
    /** Used to choose thresholds and compare methods. */
    VALIDATION,
    /** Used only for the reported figures. */
    TEST
  }
}
