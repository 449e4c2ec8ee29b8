/**
 * The {@code profile}, {@code network}, {@code groups} and {@code rules} subcommands of the
 * {@code riskgate} command (picocli), registered by riskgate-cli's {@code Main}.
 */
package org.riskgate.profiles.cli;
