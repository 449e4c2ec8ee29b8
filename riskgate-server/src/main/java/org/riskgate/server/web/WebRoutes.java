package org.riskgate.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.server.Json;
import org.riskgate.server.NotFoundException;
import org.riskgate.server.Platform;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.api.InputChecks;
import org.riskgate.server.api.ImporterProfile;
import org.riskgate.server.auth.AuthException;
import org.riskgate.server.auth.Role;
import org.riskgate.server.auth.Session;
import org.riskgate.server.store.CaseFile;
import org.riskgate.server.store.Dashboard;
import org.riskgate.server.store.InspectionResult;
import org.riskgate.server.store.ModelRecord;
import org.riskgate.server.store.QueueFilter;
import org.riskgate.selectivity.Reason;
import io.javalin.http.UploadedFile;
import java.time.LocalDate;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.Suggestion;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.server.checks.DocumentService;
import org.riskgate.server.checks.ProfileService;
import org.riskgate.server.store.QueueRow;

/** The web UI's routes: login, queue, declaration, dashboard, models, importer profile. */
public final class WebRoutes {
  private static final String COOKIE = "rg_session";
  /** Double-submit cookie for the login form, which has no session yet to hold a CSRF token. */
  private static final String LOGIN_COOKIE = "rg_login";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final String SESSION = "riskgate.session";
  private final Platform platform;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public WebRoutes(Platform platform) {
    this.platform = platform;
  }

  /** Adds the UI's filters and routes. */
  public void register(RoutesConfig r) {
    r.before(this::guard);
    r.get("/", ctx -> ctx.redirect("/queue"));
    r.get("/login", ctx -> render(ctx, "login.jte", new Views.Login("", loginToken(ctx))));
    r.post("/login", this::login);
    r.post("/logout", this::logout);
    r.get("/password", ctx -> render(ctx, "password.jte", new Views.Password(page(ctx, "Change password", ""), "")));
    r.post("/password", this::changePassword);
    r.get("/queue", this::queue);
    r.get("/declarations/{id}", this::declaration);
    r.post("/declarations/{id}/result", this::recordResult);
    r.get("/dashboard", this::dashboard);
    r.get("/models", this::models);
    r.post("/models/{id}/activate", this::activate);
    r.get("/entities/{role}/{id}", this::entity);
    r.get("/settings", ctx -> settings(ctx, ""));
    r.post("/settings/capacity", this::changeCapacity);
    r.post("/settings/rules", this::changeRules);
    r.post("/settings/objective", this::changeObjective);
    r.post("/declarations/{id}/documents", this::uploadDocument);
    r.get("/documents/{doc}/image", this::documentImage);
    r.get("/access", ctx -> access(ctx, ""));
    r.post("/access/tokens/revoke", this::revokeToken);
    r.post("/access/users/disable", ctx -> setDisabled(ctx, true));
    r.post("/access/users/enable", ctx -> setDisabled(ctx, false));
    new SqlPage(platform.lab(), this).register(r);
  }

  /** Tokens to list and revoke (one's own; everyone's for an admin) and, for an admin, users. */
  private void access(Context ctx, String message) {
    var p = session(ctx).principal();
    render(ctx, "access.jte", new Views.Access(page(ctx, "Access", "access"), platform.auth().tokens(p),
        p.role().allows(Role.ADMIN) ? platform.users().all() : List.of(), Instant.now(), message));
  }

  private void revokeToken(Context ctx) {
    String id = Optional.ofNullable(ctx.formParam("id")).orElse("");
    if (!platform.auth().revokeToken(id, session(ctx).principal())) {
      ctx.status(404);
      access(ctx, "no live token " + id + " of yours");
      return;
    }
    ctx.redirect("/access");
  }

  private void setDisabled(Context ctx, boolean disabled) {
    if (!session(ctx).principal().role().allows(Role.ADMIN)) {
      throw new AuthException(403, "only an admin may disable or enable users");
    }
    try {
      platform.auth().setDisabled(Optional.ofNullable(ctx.formParam("name")).orElse(""), disabled,
          session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      access(ctx, e.getMessage());
      return;
    }
    ctx.redirect("/access");
  }

  /**
   * Paths served without a session. The favicon is among them (and answered 404): a browser
   * fetches it after the login page loads, and its redirect to /login would replace the login
   * cookie the form on screen was issued with, so the first login would fail as expired.
   */
  private static boolean open(String path) {
    return path.equals("/login") || path.startsWith("/static/") || path.startsWith("/webjars/")
        || path.startsWith("/api/") || path.equals("/favicon.ico");
  }

  /**
   * Every UI page needs a session; every form post must carry the session's CSRF token; a user
   * with a one-time password may only change it.
   */
  private void guard(Context ctx) {
    if (open(ctx.path())) {
      return;
    }
    Optional<Session> s = platform.auth().session(ctx.cookie(COOKIE));
    if (s.isEmpty()) {
      if (ctx.method().name().equals("GET")) {
        ctx.redirect("/login");
        ctx.skipRemainingHandlers();
        return;
      }
      throw new AuthException(401, "please log in");
    }
    ctx.attribute(SESSION, s.get());
    if (ctx.method().name().equals("POST")) {
      String sent = Optional.ofNullable(ctx.formParam("_csrf")).orElse("");
      if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          s.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw new AuthException(403, "missing or wrong CSRF token: reload the page and try again");
      }
    }
    if (s.get().mustChangePassword() && !ctx.path().equals("/password") && !ctx.path().equals("/logout")) {
      ctx.redirect("/password");
      ctx.skipRemainingHandlers();
    }
  }

  static Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  static Page page(Context ctx, String title, String nav) {
    Session s = session(ctx);
    return new Page(title, s.principal().username(), s.principal().role().label(), s.csrfToken(), nav);
  }

  void render(Context ctx, String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  /**
   * The login form's token, also set as a cookie that only this site's login form is sent with.
   * A browser that already holds one keeps it: browsers fetch {@code /login} on their own too
   * (a {@code /favicon.ico} redirected there), and a new token each time would leave the page
   * on screen with a token its cookie no longer matches.
   */
  private String loginToken(Context ctx) {
    String token = Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)).filter(t -> t.matches("[0-9a-f]{64}")).orElseGet(() -> {
      byte[] b = new byte[32];
      RANDOM.nextBytes(b);
      return java.util.HexFormat.of().formatHex(b);
    });
    ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict" + secure());
    return token;
  }

  /** The cookie attribute that keeps cookies off plain HTTP, when the server is configured for it. */
  private String secure() {
    return platform.config().secureCookies() ? "; Secure" : "";
  }

  private void login(Context ctx) {
    // Login CSRF: without this, another site could log a victim's browser into the attacker's
    // account and collect what the victim then records there.
    String cookie = Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)).orElse("");
    String sent = Optional.ofNullable(ctx.formParam("_csrf")).orElse("");
    if (cookie.isEmpty() || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        cookie.getBytes(StandardCharsets.UTF_8))) {
      ctx.status(403);
      render(ctx, "login.jte", new Views.Login("The login form expired: please try again.", loginToken(ctx)));
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String pw = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<org.riskgate.server.store.UserRecord> u;
    try {
      u = platform.auth().login(user, pw, ctx.ip());
    } catch (org.riskgate.server.RetryLater e) {
      ctx.status(e.status()).header("Retry-After", Long.toString(e.retryAfterSeconds()));
      render(ctx, "login.jte", new Views.Login(e.getMessage() + ".", loginToken(ctx)));
      return;
    }
    if (u.isEmpty()) {
      ctx.status(401);
      render(ctx, "login.jte", new Views.Login("Wrong user name or password.", loginToken(ctx)));
      return;
    }
    Session s = platform.auth().openSession(u.get());
    ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure());
    ctx.redirect(s.mustChangePassword() ? "/password" : "/queue");
  }

  private void logout(Context ctx) {
    platform.auth().closeSession(session(ctx).id());
    ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    ctx.redirect("/login");
  }

  private void changePassword(Context ctx) {
    Session s = session(ctx);
    try {
      String next = Optional.ofNullable(ctx.formParam("newPassword")).orElse("");
      if (!next.equals(ctx.formParam("repeat"))) {
        throw new IllegalArgumentException("the two new passwords differ");
      }
      platform.auth().changePassword(s.principal().username(),
          Optional.ofNullable(ctx.formParam("oldPassword")).orElse(""), next, ctx.ip());
    } catch (IllegalArgumentException | AuthException | org.riskgate.server.RetryLater e) {
      ctx.status(400);
      render(ctx, "password.jte", new Views.Password(page(ctx, "Change password", ""), e.getMessage()));
      return;
    }
    // a fresh session without the one-time flag; the old one is closed
    platform.auth().closeSession(s.id());
    Session fresh = platform.auth().openSession(platform.users().find(s.principal().username()).orElseThrow());
    ctx.header("Set-Cookie", COOKIE + "=" + fresh.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure());
    ctx.redirect("/queue");
  }

  private void queue(Context ctx) {
    QueueFilter f = ApiRoutes.filter(ctx);
    StringBuilder q = new StringBuilder();
    for (String k : List.of("lane", "office", "from", "to", "minScore")) {
      String v = ctx.queryParam(k);
      if (v != null && !v.isBlank()) {
        q.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
      }
    }
    render(ctx, "queue.jte", new Views.Queue(page(ctx, "Queue", "queue"), platform.declarations().queue(f),
        f.lane().map(l -> l.label()).orElse(""), f.office().orElse(""),
        f.from().map(Object::toString).orElse(""), f.to().map(Object::toString).orElse(""),
        ctx.queryParam("minScore") == null ? "" : ctx.queryParam("minScore"), q.toString()));
  }

  private CaseFile caseFile(Context ctx) {
    String id = InputChecks.id(ctx.pathParam("id"), "a declaration id");
    return platform.declarations().find(id).orElseThrow(() -> new NotFoundException("no declaration " + id));
  }

  private void declaration(Context ctx) {
    renderCase(ctx, caseFile(ctx), "");
  }

  private void renderCase(Context ctx, CaseFile c, String error) {
    List<String> labels = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    // the reason that set the lane gets the longest bar: a forced lane outweighs any push on the score
    double longest = c.decision().reasons().stream().mapToDouble(r -> Math.abs(r.weight())).max().orElse(0);
    for (Reason r : c.decision().reasons()) {
      labels.add(r.text().length() > 80 ? r.text().substring(0, 77) + "..." : r.text());
      weights.add(r.decisive() ? Math.max(longest, 1.0) : r.weight());
    }
    String describe = Optional.ofNullable(ctx.queryParam("describe")).map(String::trim).orElse("");
    List<Suggestion> suggestions = List.of();
    Optional<HsCheck> check = Optional.empty();
    String problem = error;
    try {
      if (!describe.isEmpty()) {
        suggestions = platform.hs().suggest(describe, 5);
      }
      check = platform.hs().check(c.declaration());
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    List<Views.Doc> docs = platform.documents().store().of(c.declaration().id()).stream()
        .map(d -> new Views.Doc(d.id(), d.fileName(), d.width(), d.height(), DocumentService.report(d))).toList();
    render(ctx, "declaration.jte", new Views.Case(page(ctx, "Declaration " + c.declaration().id(), "queue"), c,
        scriptJson(Map.of("labels", labels, "weights", weights)), problem, platform.hs().path(c.declaration().hsCode()),
        check, describe, suggestions, docs));
  }

  private void uploadDocument(Context ctx) throws IOException {
    CaseFile c = caseFile(ctx);
    UploadedFile file = ctx.uploadedFile("document");
    if (file == null) {
      throw new IllegalArgumentException("choose a scanned document to upload");
    }
    if (file.size() > platform.config().maxUploadBytes()) {
      throw new org.riskgate.server.api.ApiException(413, "upload larger than " + platform.config().maxUploadBytes() + " bytes");
    }
    try (var in = file.content()) {
      platform.documents().verify(c.declaration().id(), Optional.ofNullable(ctx.formParam("issuer")).orElse("").trim(),
          file.filename(), in, session(ctx).principal().username());
    }
    platform.recheckAfterDocuments(c.declaration().id(), session(ctx).principal().username());
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  private void documentImage(Context ctx) throws IOException {
    long doc;
    try {
      doc = Long.parseLong(ctx.pathParam("doc"));
    } catch (NumberFormatException e) {
      throw new NotFoundException("no document with that id (ids are numbers)");
    }
    var d = platform.documents().store().find(doc).orElseThrow(() -> new NotFoundException("no document " + doc));
    ApiRoutes.sendImage(ctx, platform.documents().image(d));
  }

  private void recordResult(Context ctx) {
    CaseFile c = caseFile(ctx);
    try {
      boolean fraud = "true".equals(ctx.formParam("fraud"));
      String amount = Optional.ofNullable(ctx.formParam("amount")).filter(s -> !s.isBlank()).orElse("0");
      String critical = Optional.ofNullable(ctx.formParam("critical")).orElse(fraud ? "1" : "0");
      InspectionResult r = new InspectionResult(c.declaration().id(), fraud, fraud ? Integer.parseInt(critical) : 0,
          Double.parseDouble(amount), Optional.ofNullable(ctx.formParam("note")).orElse(""),
          session(ctx).principal().username(), Instant.now());
      platform.recordResult(r);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      renderCase(ctx, c, e instanceof NumberFormatException ? "amount must be a number" : e.getMessage());
      return;
    }
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  private void dashboard(Context ctx) {
    String bundle = platform.decisions().config().bundle().id();
    Dashboard d = platform.declarations().dashboard(bundle);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("days", d.laneMix().stream().map(x -> x.day().toString()).toList());
    chart.put("red", d.laneMix().stream().map(Dashboard.DayLanes::red).toList());
    chart.put("yellow", d.laneMix().stream().map(Dashboard.DayLanes::yellow).toList());
    chart.put("green", d.laneMix().stream().map(Dashboard.DayLanes::green).toList());
    chart.put("hitDays", d.hits().stream().map(x -> x.day().toString()).toList());
    chart.put("hitRate", d.hits().stream().map(Dashboard.DayHits::hitRate).toList());
    chart.put("driftDays", d.drift().stream().map(x -> x.day().toString()).toList());
    chart.put("meanScore", d.drift().stream().map(Dashboard.DayScore::mean).toList());
    List<Integer> ks = List.of(10, 20, 50, 100, 200);
    chart.put("k", ks);
    chart.put("precision", ks.stream().map(k -> Double.isNaN(d.precisionAt(k)) ? 0 : d.precisionAt(k)).toList());
    render(ctx, "dashboard.jte", new Views.Dashboard(page(ctx, "Dashboard", "dashboard"), scriptJson(chart),
        Views.pct(d.hitRate()), Views.pct(d.precisionAt(10)), Views.pct(d.precisionAt(50)),
        Views.pct(d.precisionAt(100)), d.ranked().size(), bundle));
  }

  private void models(Context ctx) throws IOException {
    List<ModelRecord> all = platform.models().all();
    List<String> metrics = new ArrayList<>();
    for (ModelRecord m : all) {
      metrics.add(describeEvaluation(m.evaluation()));
    }
    render(ctx, "models.jte", new Views.Models(page(ctx, "Models", "models"), all, metrics));
  }

  private static String describeEvaluation(String json) throws IOException {
    var n = Json.MAPPER.readTree(json);
    if (!n.has("metrics")) {
      return n.has("skipped") ? "not evaluated: " + n.get("skipped").asText() : "not evaluated";
    }
    var m = n.get("metrics");
    StringBuilder b = new StringBuilder("on " + n.get("period").asText() + ": AUC " + Views.f3(m.get("auc").asDouble())
        + ", PR-AUC " + Views.f3(m.get("prAuc").asDouble()));
    for (var at : m.get("atPercent")) {
      b.append(", precision@").append(at.get("percent").asInt()).append("% ")
          .append(Views.f3(at.get("precision").asDouble()));
    }
    return b.toString();
  }

  private void activate(Context ctx) throws IOException {
    if (!session(ctx).principal().role().allows(Role.ADMIN)) {
      throw new AuthException(403, "only an admin may change the active model");
    }
    platform.activateModel(ctx.pathParam("id"), session(ctx).principal().username());
    ctx.redirect("/models");
  }

  private void settings(Context ctx, String message) {
    var c = platform.decisions().config();
    boolean edit = session(ctx).principal().role().allows(Role.SUPERVISOR);
    String t = "red from " + Views.f3(c.thresholds().red()) + ", yellow from " + Views.f3(c.thresholds().yellow())
        + " (on the latest " + c.thresholds().basis() + " decisions)";
    render(ctx, "settings.jte", new Views.Settings(page(ctx, "Settings", "settings"), c.capacity(), c.objective(), t,
        c.rulesText(), edit, message));
  }

  private void requireSupervisor(Context ctx) {
    if (!session(ctx).principal().role().allows(Role.SUPERVISOR)) {
      throw new AuthException(403, "only a supervisor or admin may change capacity, objective and rules");
    }
  }

  private void changeCapacity(Context ctx) {
    requireSupervisor(ctx);
    try {
      var c = new org.riskgate.selectivity.Capacity(number(ctx, "red"), number(ctx, "yellow"), number(ctx, "random"),
          "true".equals(ctx.formParam("perOffice")));
      platform.changeCapacity(c, session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      settings(ctx, e.getMessage());
      return;
    }
    ctx.redirect("/settings");
  }

  private void changeObjective(Context ctx) {
    requireSupervisor(ctx);
    String name = Optional.ofNullable(ctx.formParam("objective")).orElse("");
    Optional<org.riskgate.risk.Objective> chosen = org.riskgate.risk.Objective.named(name);
    if (chosen.isEmpty()) {
      ctx.status(400);
      settings(ctx, "unknown objective '" + name + "': choose frauds or revenue");
      return;
    }
    platform.changeObjective(chosen.get(), session(ctx).principal().username());
    ctx.redirect("/settings");
  }

  private void changeRules(Context ctx) {
    requireSupervisor(ctx);
    try {
      platform.changeRules(Optional.ofNullable(ctx.formParam("rules")).orElse(""), session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      settings(ctx, e.getMessage());
      return;
    }
    ctx.redirect("/settings");
  }

  private static double number(Context ctx, String name) {
    try {
      return Double.parseDouble(Optional.ofNullable(ctx.formParam(name)).orElse("").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a percentage");
    }
  }

  private void entity(Context ctx) {
    PartyRole role = ProfileService.role(ctx.pathParam("role"));
    String id = InputChecks.id(ctx.pathParam("id"), "a party id");
    Optional<PartyProfile> profile = platform.profiles().profile(role, id, LocalDate.now());
    var rows = role == PartyRole.IMPORTER ? platform.declarations().byImporter(id, 200) : List.<QueueRow>of();
    if (profile.isEmpty() && rows.isEmpty()) {
      throw new NotFoundException("no " + role.key() + " " + id);
    }
    render(ctx, "entity.jte", new Views.Entity(page(ctx, role.key() + " " + id, "queue"), role.key(), id, profile,
        rows.isEmpty() ? Optional.empty() : Optional.of(ImporterProfile.of(id, rows))));
  }

  /** JSON safe to place inside a script element: no '<' can close it. */
  static String scriptJson(Object value) {
    return Json.write(value).replace("<", "\\u003c");
  }
}
