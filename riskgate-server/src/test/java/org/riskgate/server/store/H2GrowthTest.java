package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Lane;

/**
 * Finding 7: declarations stored one commit each (a client posting them one by one) made the H2
 * file grow by about 25 KB per declaration though each holds under 2 KB of data: every commit
 * wrote a chunk of every B-tree leaf it changed. With the journal a commit appends one line and
 * H2 writes its file once a second. The bound is the target, counted over the store's
 * files and its journal while it is open (the steady figures, from bench StoreGrowth, are in
 * docs/server.md); before the journal this measured 12-20 KB.
 */
class H2GrowthTest {

  @Test
  void singleCommitsDoNotBalloonTheFile() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-growth");
    int n = 1000;
    long before;
    long after;
    try (Database db = DataDirectory.open(dir, Optional.empty(), Optional.empty())) {
      DeclarationStore store = new DeclarationStore(db);
      before = storeBytes(dir);
      for (int i = 0; i < n; i++) {
        store.storeOne(StoreContract.decided("GR" + i, LocalDate.of(2021, 1, 1 + i % 28), "30", (i % 100) / 100.0,
            i % 10 == 0 ? Lane.RED : Lane.GREEN));
      }
      after = storeBytes(dir);
    }
    assertThat((after - before) / (double) n).as("bytes a declaration while the store is open").isLessThan(3_000);
  }

  /** The H2 file and the journal's segments. */
  static long storeBytes(Path dir) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("riskgate.")).mapToLong(f -> f.toFile().length())
          .sum();
    }
  }
}
