package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.core.Declaration;

/** Declarations for tests. */
public final class DeclarationFixtures {
  private DeclarationFixtures() {}

  /** A plausible declaration of 2021-04-01 with the given id. */
  public static Declaration declaration(String id) {
    return new Declaration(id, LocalDate.of(2021, 4, 1), "30", "B", "11", "21", "11", "10", "ZZR1LT6", "QLRUBN9",
        "0VKY2BR", "", "440890", "BE", "BE", 8, "A", "G", 108, 372254.4, Optional.empty(), OptionalDouble.empty(), "");
  }
}
