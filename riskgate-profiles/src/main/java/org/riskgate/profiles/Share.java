package org.riskgate.profiles;

/**
 * One value's part of a party's declarations, e.g. an HS code or an origin.
 *
 * @param share count divided by the party's declarations
 */
public record Share(String value, long count, double share) {}
