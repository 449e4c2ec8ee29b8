/** The {@code riskgate docs} subcommands: register, list, replace, retire, verify, generate, evaluate. */
package org.riskgate.documents.cli;
