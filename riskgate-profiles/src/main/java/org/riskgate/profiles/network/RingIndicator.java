package org.riskgate.profiles.network;

/**
 * A declarant serving many importers that are new, whose inspections often find fraud: the shape
 * of a ring of short-lived front companies.
 *
 * @param declarantId the declarant
 * @param importers importers it has served
 * @param newImporters of those, importers first seen within the ring window
 * @param newInspected inspections of the new importers' declarations
 * @param newFrauds frauds among them
 * @param newHitRate shrunk hit rate of the new importers, pooled
 * @param lowerBound lower end of the 95 % Wilson interval of the new importers' raw hit rate
 */
public record RingIndicator(
    String declarantId,
    int importers,
    int newImporters,
    long newInspected,
    long newFrauds,
    double newHitRate,
    double lowerBound) implements java.io.Serializable {}
