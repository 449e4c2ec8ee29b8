/**
 * Measurements, not API: the network-feature evaluation on the public train → valid split
 * ({@link org.riskgate.profiles.bench.NetworkEvaluation}), the generator of larger realistic data
 * ({@link org.riskgate.profiles.bench.SyntheticDeclarations}) and the timing benchmark ({@link
 * org.riskgate.profiles.bench.ProfilesBench}). Each is a main printing a table; docs/profiles.md
 * has the commands and the figures they printed.
 */
package org.riskgate.profiles.bench;
