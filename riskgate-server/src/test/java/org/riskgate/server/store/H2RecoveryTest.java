package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * When {@link H2Recovery} runs: only for a store whose header lacks H2's clean-shutdown mark (a
 * store that is open, or whose process was killed), never for a new or a closed one, so a
 * normal start does not read the whole file. What it recovers is tested by {@code H2KillTest}.
 */
class H2RecoveryTest {

  @Test
  void onlyAStoreThatWasNotClosedIsRecovered() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-recovery");
    Path file = H2Recovery.file(DataDirectory.embeddedUrl(dir) + ";WRITE_DELAY=0").orElseThrow();
    assertThat(file).isEqualTo(dir.toAbsolutePath().resolve("riskgate.mv.db"));
    assertThat(H2Recovery.recoverIfUnclean(file)).as("no store yet").isFalse();
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      new DeclarationStore(db).storeOne(StoreContract.decided("R1", LocalDate.of(2021, 1, 4), "30", 0.5, Lane.GREEN));
      assertThat(H2Recovery.closedCleanly(file)).as("an open store, as a killed one is left").isFalse();
    }
    assertThat(H2Recovery.closedCleanly(file)).as("after close").isTrue();
    assertThat(H2Recovery.recoverIfUnclean(file)).isFalse();
    assertThat(H2Recovery.file("jdbc:h2:mem:x")).isEmpty();
  }
}
