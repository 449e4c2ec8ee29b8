package org.riskgate.server.store;

/**
 * A registered model bundle.
 *
 * @param provenance the bundle's provenance as JSON
 * @param evaluation its evaluation on a later labelled period as JSON, {@code {}} when none
 */
public record ModelRecord(String id, String bundlePath, String trainer, String provenance,
    String evaluation, boolean active) {}
