/**
 * Point-in-time features: each declaration is described only by what was known before its date —
 * its own fields, and the history of its parties, HS codes and origins up to the previous day.
 */
package org.riskgate.risk.features;
