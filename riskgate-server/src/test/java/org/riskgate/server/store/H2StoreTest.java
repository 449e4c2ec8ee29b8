package org.riskgate.server.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** The store contract on an embedded H2 file database (the default store). */
class H2StoreTest extends StoreContract {
  private String url;

  @Override
  String freshUrl() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-h2");
    url = "jdbc:h2:file:" + dir.resolve("store");
    return url;
  }

  @Override
  String currentUrl() {
    return url;
  }
}
