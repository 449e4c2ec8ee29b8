package org.riskgate.server.store;

/**
 * A user as stored: the password only as its hash.
 *
 * @param role {@code analyst}, {@code supervisor} or {@code admin}
 * @param mustChange whether the password is a one-time password that must be replaced first
 * @param disabled whether the user may no longer log in or use any token
 */
public record UserRecord(String username, String passwordHash, String role, boolean mustChange, boolean disabled) {}
