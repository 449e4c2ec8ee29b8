/**
 * Similar past declarations: a standardised space of the point-in-time features and the nearest
 * inspected declarations of earlier days in it, for the CLI's {@code similar}, the clusters and
 * the declaration page.
 */
package org.riskgate.risk.similar;
