package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on the audit log: the guard runs inside the
 * database, so no code path of the application (nor a console session) can rewrite history.
 */
public final class AuditLogGuard implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("audit log is append-only: changing or deleting an entry is refused", "42501");
  }
}
