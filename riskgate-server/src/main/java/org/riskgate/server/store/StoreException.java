package org.riskgate.server.store;

/** The store failed; the cause carries the driver's error, which never reaches a client. */
public final class StoreException extends RuntimeException {
  private final String sqlState;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.sqlState = cause instanceof java.sql.SQLException s && s.getSQLState() != null ? s.getSQLState() : "";
  }

  /** Whether the store refused a duplicate key. */
  public boolean isDuplicateKey() {
    return sqlState.equals("23505");
  }
}
