/**
 * The REST API under {@code /api/v1}: every route in one table ({@link org.riskgate.server.api.ApiRoutes}),
 * each handler one small function, errors mapped to HTTP in one place
 * ({@link org.riskgate.server.api.ErrorMapper}).
 */
package org.riskgate.server.api;
