package org.riskgate.server.auth;

/** The authenticated caller of a request. */
public record Principal(String username, Role role) {}
