package org.riskgate.hs;

import java.util.List;
import java.util.Optional;

/** The HS nomenclature as a tree of sections, chapters, headings, subheadings and national lines. */
public interface Nomenclature {

  /** The node with exactly this code, if the nomenclature has it. */
  Optional<HsNode> find(HsCode code);

  /** The children of a node in code order; empty for leaves and unknown codes. */
  List<HsNode> children(HsCode code);

  /** All sections in order. */
  List<Section> sections();

  /** All six-digit subheadings in code order. */
  List<HsNode> subheadings();

  /** The node and its ancestors, from the chapter down to the node itself. */
  List<HsNode> path(HsCode code);

  /**
   * Whether the code is known: present in the tree, or a national code whose subheading is.
   * National codes not listed in an extension file are accepted below a known subheading because
   * every administration extends HS6 differently.
   */
  default boolean isKnown(HsCode code) {
    if (find(code).isPresent()) {
      return true;
    }
    return code.level() == HsLevel.NATIONAL
        && code.subheading().flatMap(s -> find(new HsCode(s))).isPresent();
  }

  /** The section of a known code. */
  default Optional<Section> sectionOf(HsCode code) {
    Optional<HsNode> node = find(new HsCode(code.chapter()));
    return node.flatMap(n -> sections().stream().filter(s -> s.roman().equals(n.section())).findFirst());
  }
}
