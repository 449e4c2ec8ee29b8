package org.riskgate.server.store;

/**
 * A party found by the search: its id, the role it has on stored declarations ({@code importer},
 * {@code declarant}, {@code seller}, {@code courier}) and on how many.
 */
public record PartyHit(String id, String role, long declarations) {}
