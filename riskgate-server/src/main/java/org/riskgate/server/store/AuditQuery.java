package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which audit entries to read, newest first.
 *
 * @param from first day (UTC) of {@code logged_at}
 * @param to last day (UTC), inclusive
 * @param page 1-based; past the last page the last page is read
 * @param size entries per page, 1 to 500
 */
public record AuditQuery(Optional<String> actor, Optional<String> kind, Optional<String> subject,
    Optional<LocalDate> from, Optional<LocalDate> to, int page, int size) {
  public AuditQuery {
    if (page < 1 || size < 1 || size > 500) {
      throw new IllegalArgumentException("page must be >= 1 and size in 1..500");
    }
  }

  /** The same query on another page. */
  public AuditQuery onPage(int p, int s) {
    return new AuditQuery(actor, kind, subject, from, to, p, s);
  }
}
