/**
 * The analysts' data lab: read-only SQL over the declaration lake, through the lake's own query
 * engine, each query audited, and each user's saved queries.
 */
package org.riskgate.server.lab;
