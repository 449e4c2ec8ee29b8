package org.riskgate.server.store;

import java.time.Instant;

/**
 * A scanned document attached to a declaration.
 *
 * @param sha256 names the image file in the data directory
 * @param report the verification report as JSON (regions with boxes and verdicts)
 */
public record StoredDocument(long id, String declarationId, String issuer, String fileName, String sha256,
    int width, int height, String report, String uploadedBy, Instant uploadedAt) {}
