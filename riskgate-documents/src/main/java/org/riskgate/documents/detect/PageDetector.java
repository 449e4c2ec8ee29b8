package org.riskgate.documents.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import org.riskgate.documents.Detection;

/** Finds the stamps and signatures on a page at the working resolution (300 dpi). */
public interface PageDetector {

  /**
   * The stamps and signatures on the page, top to bottom.
   *
   * @throws org.riskgate.documents.DocumentInputException.EmptyPage when the page carries no ink at all
   */
  List<Detection> detect(BufferedImage page);
}
