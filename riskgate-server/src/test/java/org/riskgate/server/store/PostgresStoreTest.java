package org.riskgate.server.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.riskgate.server.Fixtures;

/**
 * The store contract on PostgreSQL: runs when {@code RISKGATE_TEST_PG_URL} names a test database
 * (CI sets it), which is emptied before each test.
 */
class PostgresStoreTest extends StoreContract {

  @Override
  String freshUrl() throws Exception {
    assumeTrue(Fixtures.postgresUrl().isPresent(), "RISKGATE_TEST_PG_URL is not set: PostgreSQL store tests skipped");
    Fixtures.resetPostgres(Fixtures.postgresUrl().get());
    return Fixtures.postgresUrl().get();
  }

  @Override
  String currentUrl() {
    return Fixtures.postgresUrl().get();
  }
}
