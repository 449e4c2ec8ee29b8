package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * The journal's segments as a store finds them on open: a clean close leaves none; a line cut
 * short at the end (a write a power failure interrupted, never acknowledged) is left out; any
 * other line that is not a journal entry stops the open with its file and line named, and the
 * segment is kept. (Replay after a kill: {@code JournalKillTest}.)
 */
class JournalTest {

  @Test
  void segmentsOnOpen() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-journal");
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      new DeclarationStore(db).storeOne(StoreContract.decided("J1", LocalDate.of(2021, 1, 4), "30", 0.5, Lane.GREEN));
      assertThat(segments(dir)).as("journal segments while open").isNotEmpty();
    }
    assertThat(segments(dir)).as("journal segments after a clean close").isEmpty();

    Files.writeString(dir.resolve("riskgate.journal.000007"), "{\"declarations\":[[\"J2\"");
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      assertThat(new DeclarationStore(db).count()).as("an incomplete last line is left out").isEqualTo(1);
    }

    Path bad = dir.resolve("riskgate.journal.000008");
    Files.writeString(bad, "{\"declarations\":[]}\n");
    assertThatThrownBy(() -> DataDirectory.open(dir, Optional.empty(), Optional.empty()).close())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(bad + " line 1: not a journal entry riskgate wrote");
    assertThat(bad).as("a segment that cannot be replayed is kept").exists();
  }

  private static java.util.List<Path> segments(Path dir) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("riskgate.journal.")).toList();
    }
  }
}
