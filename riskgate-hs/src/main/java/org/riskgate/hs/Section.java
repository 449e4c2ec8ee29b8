package org.riskgate.hs;

import java.util.List;

/**
 * One of the 21 sections of the HS, e.g. section I "Live animals; animal products".
 *
 * @param roman the section number in Roman numerals, as printed in the nomenclature
 * @param title the section title
 * @param chapters the two-digit chapters in this section, in order
 */
public record Section(String roman, String title, List<String> chapters) {
  /** Copies the chapter list. */
  public Section {
    chapters = List.copyOf(chapters);
  }
}
