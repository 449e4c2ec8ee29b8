package org.riskgate.documents.synth;

/** How a stamp or signature on a generated page relates to the claimed issuer. */
public enum Forgery {
  /** Made by the issuer's own stamp or signer. */
  GENUINE,
  /** A close imitation: small changes of text, font, geometry or strokes. */
  SKILLED,
  /** Another issuer's genuine stamp or signature presented under this issuer. */
  OTHER
}
