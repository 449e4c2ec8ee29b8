package org.riskgate.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.riskgate.risk.xgboost.XGBoostOptions;

/**
 * Shared test fixtures: the public demo data, and a model bundle trained from it once per build
 * (by the same code path as first start; fewer rounds, so the suite stays fast).
 */
public final class Fixtures {
  /** The bundled public data. */
  public static final Path DATA = Path.of("..", "data", "customs").toAbsolutePath().normalize();
  private static final Path BUNDLE = Path.of("target", "test-bundle").toAbsolutePath();

  private Fixtures() {}

  /** A bundle directory trained on the 2020 demo data. */
  public static synchronized Path bundle() throws IOException {
    if (!Files.isRegularFile(BUNDLE.resolve("provenance.json"))) {
      Platform.trainDemo(DATA.resolve("df_syn_train_eng.csv"), BUNDLE,
          new XGBoostOptions(120, 15, 0.1, 6, 3, 0.8, 0.7, 2, 42));
    }
    return BUNDLE;
  }

  /** The PostgreSQL test database, when the environment provides one. */
  public static Optional<String> postgresUrl() {
    return Optional.ofNullable(System.getenv("RISKGATE_TEST_PG_URL")).filter(s -> !s.isBlank());
  }

  /** Empties the PostgreSQL test database (its public schema), so each test class starts clean. */
  public static void resetPostgres(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }
}
