package org.riskgate.server.loop;

import static java.util.Optional.of;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskgate.risk.drift.DriftReport;
import org.riskgate.server.Json;
import org.riskgate.server.Platform;
import org.riskgate.server.api.ApiException;
import org.riskgate.server.api.ApiRoute;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.auth.Principal;
import org.riskgate.server.auth.Role;

/** The loop's REST routes: retraining (admin), the challenger's evaluation and promotion and drift (supervisor). */
public final class LoopRoutes {
  private final Platform platform;

  public LoopRoutes(Platform platform) {
    this.platform = platform;
  }

  public List<ApiRoute> routes() {
    return List.of(
        new ApiRoute("GET", "/api/v1/challenger", of(Role.SUPERVISOR), this::challenger),
        new ApiRoute("POST", "/api/v1/challenger/retrain", of(Role.ADMIN), this::retrain),
        new ApiRoute("POST", "/api/v1/challenger/promote", of(Role.SUPERVISOR), this::promote),
        new ApiRoute("GET", "/api/v1/drift", of(Role.SUPERVISOR), this::drift));
  }

  private String champion() {
    return platform.decisions().config().bundle().id();
  }

  private double percent(Context ctx) {
    String p = ctx.queryParam("percent");
    double v;
    try {
      v = p == null ? platform.decisions().config().capacity().redPercent() : Double.parseDouble(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("percent must be a number, was '" + p + "'");
    }
    if (!(v > 0 && v <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + v);
    }
    return v;
  }

  private void challenger(Context ctx) {
    ChallengerService c = platform.challengers();
    double percent = percent(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", c.status(champion()));
    try {
      body.put("evaluation", c.evaluate(champion(), percent));
    } catch (IllegalStateException | IllegalArgumentException notYet) {
      body.put("evaluation", Map.of("unavailable", notYet.getMessage()));
    }
    json(ctx, 200, body);
  }

  private void retrain(Context ctx) throws IOException {
    try {
      json(ctx, 201, Map.of("challenger", platform.challengers().retrain(champion(), principal(ctx).username()).id()));
    } catch (IllegalStateException e) {
      throw new ApiException(409, e.getMessage());
    }
  }

  private void promote(Context ctx) throws IOException {
    try {
      ChallengerEvaluation e = platform.challengers().promote(champion(), percent(ctx), principal(ctx).username());
      json(ctx, 200, Map.of("promoted", e.challengerId(), "evaluation", e));
    } catch (ChallengerService.Refused r) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", r.getMessage());
      r.evaluation().ifPresent(e -> body.put("evaluation", e));
      json(ctx, 409, body);
    } catch (IllegalStateException e) {
      throw new ApiException(409, e.getMessage());
    }
  }

  private void drift(Context ctx) throws IOException {
    DriftReport r;
    try {
      r = platform.drift().report(platform.decisions().config().bundle());
    } catch (IllegalStateException e) {
      throw new ApiException(409, e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alarm", r.alarm());
    body.put("weeksAlarmed", r.weeks().stream().filter(DriftReport.Week::alarm).map(DriftReport.Week::monday).toList());
    body.put("worst", r.worst().stream().sorted((a, b) -> Double.compare(b.psi(), a.psi())).limit(10).toList());
    body.put("report", r);
    json(ctx, 200, body);
  }

  private static Principal principal(Context ctx) {
    return ctx.attribute(ApiRoutes.PRINCIPAL);
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
