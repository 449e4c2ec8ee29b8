/**
 * The riskgate server: {@link org.riskgate.server.RiskgateServer} runs the REST API and web UI over
 * a {@link org.riskgate.server.Platform} (store, users, models, decisions).
 */
package org.riskgate.server;
