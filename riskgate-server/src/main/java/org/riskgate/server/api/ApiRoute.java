package org.riskgate.server.api;

import io.javalin.http.Handler;
import java.util.Optional;
import org.riskgate.server.auth.Role;

/**
 * One route of the API.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path Javalin path, e.g. {@code /api/v1/declarations/{id}}
 * @param role the least role allowed; empty for the routes that authenticate a caller
 */
public record ApiRoute(String method, String path, Optional<Role> role, Handler handler) {}
