/** The {@code riskgate} command line: one picocli command per task, thin over the modules. */
package org.riskgate.cli;
