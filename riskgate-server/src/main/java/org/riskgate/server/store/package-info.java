/**
 * The store: JDBC over H2 (embedded, the default) or PostgreSQL, schema by Flyway migrations, an
 * append-only audit log whose guard lives in the database itself. Every statement is
 * parameterised.
 */
package org.riskgate.server.store;
