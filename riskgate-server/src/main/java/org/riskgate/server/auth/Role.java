package org.riskgate.server.auth;

import org.riskgate.server.Refusals;
import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Roles, each allowed everything the one before it is: an analyst reads and records results, a
 * supervisor also changes capacity and rules, an admin also manages users and models.
 */
public enum Role implements RouteRole {
  ANALYST,
  SUPERVISOR,
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean allows(Role needed) {
    return ordinal() >= needed.ordinal();
  }

  /** Lower-case name as stored and shown. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a stored or submitted role name. */
  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusals.refused("refused.role", s);
    }
  }
}
