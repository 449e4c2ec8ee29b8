package org.riskgate.documents.synth;

import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;

/**
 * What was really put on a generated page.
 *
 * @param kind stamp or signature
 * @param box tight bounds of the ink after scanning effects
 * @param forgery how it relates to the claimed issuer
 * @param source the issuer whose stamp or signer it came from
 */
public record Truth(Kind kind, Box box, Forgery forgery, String source) {}
