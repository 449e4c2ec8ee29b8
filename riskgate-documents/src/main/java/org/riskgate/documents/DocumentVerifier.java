package org.riskgate.documents;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/**
 * Finds stamps and signatures on a scanned page and compares each with the claimed issuer's
 * registered references.
 *
 * <p>Instances are thread-safe once built and meant to be reused: the first call pays for
 * loading models and warming up.
 */
public interface DocumentVerifier {

  /**
   * Verifies a scanned page read from a file (PNG, JPEG or TIFF).
   *
   * @throws DocumentInputException when the file is unreadable, unsupported, too large or empty
   */
  VerificationReport verify(String issuer, Path document);

  /**
   * Verifies a page already in memory.
   *
   * @param name a label for the report
   * @throws DocumentInputException when the page is too large or empty
   */
  VerificationReport verify(String issuer, String name, BufferedImage page);

  /** Opens a verifier over the registry and method named in the configuration. */
  static DocumentVerifier open(VerifierConfig config) {
    return DefaultDocumentVerifier.open(config);
  }
}
