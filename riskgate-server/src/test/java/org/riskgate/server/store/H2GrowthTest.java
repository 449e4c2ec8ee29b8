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
 * file grow by about 25 KB per declaration though each holds under 2 KB of data. The bound here
 * leaves room for the start of a run (the steady figure, from bench StoreGrowth, is in
 * docs/server.md).
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
      before = Files.size(dir.resolve("riskgate.mv.db"));
      for (int i = 0; i < n; i++) {
        store.storeOne(StoreContract.decided("GR" + i, LocalDate.of(2021, 1, 1 + i % 28), "30", (i % 100) / 100.0,
            i % 10 == 0 ? Lane.RED : Lane.GREEN));
      }
      after = Files.size(dir.resolve("riskgate.mv.db"));
    }
    assertThat((after - before) / (double) n).as("bytes a declaration while the store is open").isLessThan(20_000);
  }
}
