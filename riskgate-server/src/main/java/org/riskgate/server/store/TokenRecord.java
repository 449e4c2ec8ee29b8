package org.riskgate.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token as listed: never the secret, nor its hash.
 *
 * @param id the first 16 hex digits of the token's SHA-256: names it for listing and revoking
 */
public record TokenRecord(String id, String username, String label, Instant createdAt, Instant expiresAt,
    Optional<Instant> revokedAt) {
  /** Whether the token still opens the API at {@code now} (its user aside). */
  public boolean live(Instant now) {
    return revokedAt.isEmpty() && expiresAt.isAfter(now);
  }
}
