/**
 * The declaration data model and everything that reads it: column mapping, streaming CSV reading
 * with reject files, time-ordered splits and the ranking metrics every model is judged by.
 */
package org.riskgate.core;
