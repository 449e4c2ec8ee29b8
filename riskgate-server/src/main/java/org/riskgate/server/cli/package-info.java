/** The {@code riskgate serve} command. */
package org.riskgate.server.cli;
