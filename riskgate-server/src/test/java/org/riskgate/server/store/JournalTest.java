package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

  @Test
  void anInspectionResultIsJournaledAndLeavesTheFileToTheCheckpoint() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-journal-result");
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      DeclarationStore store = new DeclarationStore(db);
      store.storeOne(StoreContract.decided("R1", LocalDate.of(2021, 1, 4), "30", 0.9, Lane.RED));
      org.h2.mvstore.MVStore file = H2Housekeeping.mvStore(db.dataSource());
      // a commit that wrote the file left nothing unsaved; the checkpoint (once a second) may
      // write it just after a journaled one, so one of three tries is enough
      boolean leftToTheCheckpoint = false;
      for (int i = 0; i < 3 && !leftToTheCheckpoint; i++) {
        assertThat(store.recordResult(new InspectionResult("R1", i % 2 == 0, 0, 10.0 * i, "try " + i, "tester",
            Instant.now()))).isTrue();
        leftToTheCheckpoint = file.hasUnsavedChanges();
      }
      assertThat(leftToTheCheckpoint).as("a result's commit had H2 write its file").isTrue();
      assertThat(store.recordResult(new InspectionResult("NONE", false, 0, 0, "", "tester", Instant.now())))
          .as("a result for a declaration never stored").isFalse();
    }
  }

  private static java.util.List<Path> segments(Path dir) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("riskgate.journal.")).toList();
    }
  }
}
