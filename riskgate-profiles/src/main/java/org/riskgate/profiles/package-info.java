/**
 * Risk of the parties behind declarations, as of a date: entity profiles ({@link
 * org.riskgate.profiles.ProfileStore}) for importers, declarants, sellers and couriers.
 *
 * <p>Everything here is point-in-time: a figure "as of" a date uses only declarations dated
 * strictly before it, so the risk model can learn from these figures without seeing the future.
 * The trader network lives in {@code org.riskgate.profiles.network}, high-risk groups in {@code
 * org.riskgate.profiles.groups}, the command line in {@code org.riskgate.profiles.cli}.
 */
package org.riskgate.profiles;
