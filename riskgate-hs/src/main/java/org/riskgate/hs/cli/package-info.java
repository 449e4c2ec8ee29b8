/** The {@code riskgate hs} command line: suggest, train, evaluate and check. */
package org.riskgate.hs.cli;
