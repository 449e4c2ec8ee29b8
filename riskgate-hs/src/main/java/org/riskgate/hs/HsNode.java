package org.riskgate.hs;

import java.util.Optional;

/**
 * A node of the HS tree: chapter, heading, subheading or national line.
 *
 * @param code the node's code
 * @param description the official description (for national lines, the text of the extension file)
 * @param section the Roman numeral of the section the node belongs to
 * @param parent the parent code, empty for chapters
 */
public record HsNode(HsCode code, String description, String section, Optional<HsCode> parent) {
  /** The node's level. */
  public HsLevel level() {
    return code.level();
  }
}
