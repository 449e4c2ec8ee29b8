package org.riskgate.server.store;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param seq position in the log, strictly increasing
 * @param kind what happened: {@code decision}, {@code inspection_result}, {@code capacity},
 *     {@code rules}, {@code active_model}, {@code user} (created, password changed, token issued or
 *     revoked, disabled or enabled), {@code login_failed}
 * @param subject what it happened to (a declaration id, a setting name, a model id, a user)
 * @param detail the facts as JSON
 */
public record AuditEntry(long seq, Instant loggedAt, String actor, String kind, String subject, String detail) {}
