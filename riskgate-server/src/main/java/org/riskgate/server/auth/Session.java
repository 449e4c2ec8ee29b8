package org.riskgate.server.auth;

import java.time.Instant;

/**
 * A logged-in browser.
 *
 * @param csrfToken must come back with every form the browser posts
 * @param mustChangePassword the user logged in with a one-time password and may only change it
 */
public record Session(String id, Principal principal, String csrfToken, boolean mustChangePassword,
    Instant expiresAt) {}
