/**
 * The {@code lake import}, {@code lake info} and {@code sql} subcommands of the {@code riskgate}
 * command (picocli), registered by riskgate-cli's {@code Main}.
 */
package org.riskgate.lake.cli;
