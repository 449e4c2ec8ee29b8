/**
 * Who may do what: users with roles, bcrypt password hashes, server-side sessions for the web UI
 * (with a CSRF token each), and API tokens for machines.
 */
package org.riskgate.server.auth;
