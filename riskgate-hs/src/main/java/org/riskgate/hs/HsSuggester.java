package org.riskgate.hs;

import java.util.List;

/** Suggests HS6 codes for a free-text item description. Implementations are thread-safe. */
public interface HsSuggester {

  /**
   * The {@code k} most likely HS6 codes for the description, most likely first.
   *
   * @throws InvalidDescriptionException if the text is empty, longer than 10 kB or binary
   */
  List<Suggestion> suggest(String description, int k);
}
