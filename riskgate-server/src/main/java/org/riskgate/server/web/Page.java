package org.riskgate.server.web;

/**
 * What every page's frame shows.
 *
 * @param nav the menu entry to highlight
 * @param csrf the session's CSRF token, put into every form
 * @param m the user's language
 * @param path this page's path and query, where the language switch returns to
 */
public record Page(String title, String user, String role, String csrf, String nav, Messages m, String path) {
  /** Whether the user is an admin. */
  public boolean admin() {
    return role.equals("admin");
  }

  /** Whether the user's role allows supervisor actions. */
  public boolean supervisor() {
    return role.equals("supervisor") || admin();
  }
}
