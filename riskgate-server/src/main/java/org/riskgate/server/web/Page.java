package org.riskgate.server.web;

/**
 * What every page's frame shows.
 *
 * @param nav the menu entry to highlight
 * @param csrf the session's CSRF token, put into every form
 */
public record Page(String title, String user, String role, String csrf, String nav) {
  /** Whether the user's role allows supervisor actions. */
  public boolean admin() {
    return role.equals("admin");
  }
}
