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
import org.riskgate.server.Refusals;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.api.ErrorMapper;
import org.riskgate.server.api.InputChecks;
import org.riskgate.server.api.PartyDeclarations;
import org.riskgate.server.auth.AuthException;
import org.riskgate.server.auth.Role;
import org.riskgate.server.auth.Session;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.CaseFile;
import org.riskgate.server.store.CaseStatus;
import org.riskgate.server.store.CaseStore;
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
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
  private final org.riskgate.server.store.SavedViews savedViews;
  private final org.riskgate.server.store.Attachments attachments;

  public WebRoutes(Platform platform) {
    this.platform = platform;
    this.savedViews = new org.riskgate.server.store.SavedViews(platform.db());
    this.attachments = new org.riskgate.server.store.Attachments(platform.db());
  }

  /** Adds the UI's filters and routes. */
  public void register(RoutesConfig r) {
    r.before(this::guard);
    r.get("/", ctx -> ctx.redirect("/queue"));
    r.get("/login", ctx -> render(ctx, "login.jte", new Views.Login("", loginToken(ctx), loginMessages(ctx))));
    r.post("/login", this::login);
    r.post("/logout", this::logout);
    r.post("/language", this::changeLanguage);
    r.get("/password", ctx -> render(ctx, "password.jte", new Views.Password(page(ctx, "password.title", ""), "")));
    r.post("/password", this::changePassword);
    r.get("/queue", this::queue);
    r.get("/queue/export", this::exportQueue);
    r.post("/queue/views", this::saveView);
    r.post("/queue/views/{id}/delete", this::deleteView);
    r.post("/cases", this::bulkChange);
    r.post("/declarations/{id}/case", this::changeCase);
    r.post("/declarations/{id}/comments", this::comment);
    r.post("/declarations/{id}/attachments", this::attach);
    r.get("/attachments/{n}", this::attachment);
    r.get("/results/export", this::exportResults);
    r.get("/audit", this::audit);
    r.get("/audit/export", this::exportAudit);
    r.get("/declarations/{id}", this::declaration);
    r.post("/declarations/{id}/result", this::recordResult);
    r.get("/dashboard", this::dashboard);
    r.get("/models", this::models);
    r.post("/models/{id}/activate", this::activate);
    r.get("/entities/{role}/{id}", this::entity);
    r.get("/parties", this::parties);
    r.get("/settings", ctx -> settings(ctx, ""));
    r.post("/settings/capacity", this::changeCapacity);
    r.post("/settings/rules", this::changeRules);
    r.post("/settings/objective", this::changeObjective);
    r.post("/declarations/{id}/documents", this::uploadDocument);
    r.get("/documents/{doc}/image", this::documentImage);
    r.get("/documents", this::documents);
    r.get("/access", ctx -> access(ctx, ""));
    r.post("/access/tokens/revoke", this::revokeToken);
    r.post("/access/users/disable", ctx -> setDisabled(ctx, true));
    r.post("/access/users/enable", ctx -> setDisabled(ctx, false));
    r.post("/access/users/reset", this::resetPassword);
    new SqlPage(platform.lab(), this).register(r);
    new TraderPages(platform, this).register(r);
  }

  /** Tokens to list and revoke (one's own; everyone's for an admin) and, for an admin, users. */
  private void access(Context ctx, String message) {
    var p = session(ctx).principal();
    render(ctx, "access.jte", new Views.Access(page(ctx, "access.title", "access"), platform.auth().tokens(p),
        p.role().allows(Role.ADMIN) ? platform.users().all() : List.of(), Instant.now(), message, Optional.empty()));
  }

  private void revokeToken(Context ctx) {
    String id = Optional.ofNullable(ctx.formParam("id")).orElse("");
    if (!platform.auth().revokeToken(id, session(ctx).principal())) {
      ctx.status(404);
      access(ctx, messages(ctx).t("refused.noToken", id));
      return;
    }
    ctx.redirect("/access");
  }

  private void setDisabled(Context ctx, boolean disabled) {
    if (!session(ctx).principal().role().allows(Role.ADMIN)) {
      throw new AuthException(403, Refusals.phrase("refused.adminUsers"));
    }
    try {
      platform.auth().setDisabled(Optional.ofNullable(ctx.formParam("name")).orElse(""), disabled,
          session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      access(ctx, messages(ctx).refusal(e));
      return;
    }
    ctx.redirect("/access");
  }

  /** An admin gives a user a one-time password, shown once on the page. */
  private void resetPassword(Context ctx) {
    if (!session(ctx).principal().role().allows(Role.ADMIN)) {
      throw new AuthException(403, Refusals.phrase("refused.adminReset"));
    }
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
    String password;
    try {
      password = platform.auth().resetPassword(name, session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      access(ctx, messages(ctx).refusal(e));
      return;
    }
    var p = session(ctx).principal();
    render(ctx, "access.jte", new Views.Access(page(ctx, "access.title", "access"), platform.auth().tokens(p),
        platform.users().all(), Instant.now(), "", Optional.of(new Views.OneTimePassword(name, password))));
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
      if (keepsInput(ctx)) {
        // the session ended while a form was being filled in: log in again, the text kept
        List<Views.Kept> kept = new ArrayList<>();
        ctx.formParamMap().forEach((k, vs) -> {
          if (!k.equals("_csrf")) {
            vs.forEach(v -> kept.add(new Views.Kept(k, v)));
          }
        });
        ctx.status(401);
        render(ctx, "login.jte", new Views.Login("", loginToken(ctx), loginMessages(ctx), ctx.path(), kept));
        ctx.skipRemainingHandlers();
        return;
      }
      throw new AuthException(401, Refusals.phrase("refused.logIn"));
    }
    ctx.attribute(SESSION, s.get());
    if (ctx.method().name().equals("POST")) {
      String sent = Optional.ofNullable(ctx.formParam("_csrf")).orElse("");
      if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          s.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw new AuthException(403, Refusals.phrase("refused.csrf"));
      }
    }
    if (s.get().mustChangePassword() && !ctx.path().equals("/password") && !ctx.path().equals("/logout")) {
      ctx.redirect("/password");
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * Whether a post without a session is a form whose fields can be kept through a login: a plain
   * form (a file upload is not kept; its file would have to be chosen again) to a page's path.
   */
  private static boolean keepsInput(Context ctx) {
    return Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/x-www-form-urlencoded")
        && !ctx.path().equals("/logout") && !ctx.path().equals("/language") && localPath(ctx.path()).equals(ctx.path());
  }

  /**
   * A failed page as a styled page in the user's language, with the headers every page has;
   * the status and message come from the API's one mapping of exceptions.
   */
  public void error(Exception e, Context ctx) {
    ErrorMapper.Answer a = ErrorMapper.map(e);
    Optional<Session> s = Optional.ofNullable(session(ctx));
    Messages m = s.isPresent() ? messages(ctx) : loginMessages(ctx);
    ctx.status(a.status());
    // a refusal for now says, in the user's language, how long to wait
    String message = e instanceof org.riskgate.server.RetryLater r ? retryMessage(m, r.status(), r.retryAfterSeconds())
        : detail(e, a, m);
    render(ctx, "error.jte", new Views.ErrorPage(m, a.status(), message, s.isPresent() ? "/queue" : "/login"));
  }

  /**
   * The error page's line under its title in the user's language: the failure's own words where
   * it has a code, else what its kind of failure means (an unknown path, not found, not allowed,
   * a refused value...), never an exception's English.
   */
  private static String detail(Exception e, ErrorMapper.Answer a, Messages m) {
    Optional<org.riskgate.core.evidence.Phrase> words = org.riskgate.server.Worded.of(e);
    if (words.isPresent()) {
      return m.phrase(words.get());
    }
    // Javalin's own 404: no route has this path
    if (e instanceof io.javalin.http.HttpResponseException h && h.getStatus() == 404) {
      return m.t("error.detail.path");
    }
    if (a.status() == 500) {
      return m.t("error.detail.500", ErrorMapper.reference(a).orElse("?"));
    }
    String key = "error.detail." + a.status();
    return m.has(key) ? m.t(key) : m.t("error.detail.other");
  }

  /** What a 429 (too fast) or 503 (too busy) tells the user, with the wait. */
  private static String retryMessage(Messages m, int status, long seconds) {
    return m.t("error.retry." + status, seconds);
  }

  /**
   * The styled page of a request the server refuses before it reaches any route (every worker
   * busy, 503): no session is read, so it speaks the browser's language and links to the queue.
   */
  public static String refusedPage(String acceptLanguage, int status, long retryAfterSeconds) {
    Messages m = Messages.of(Messages.choose(Optional.empty(), acceptLanguage));
    StringOutput out = new StringOutput();
    TEMPLATES.render("error.jte",
        new Views.ErrorPage(m, status, retryMessage(m, status, retryAfterSeconds), "/queue"), out);
    return out.toString();
  }

  static Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** The frame of a page whose title is the message {@code titleKey} with {@code args}. */
  Page page(Context ctx, String titleKey, String nav, Object... args) {
    Session s = session(ctx);
    Messages m = messages(ctx);
    String query = ctx.queryString();
    return new Page(m.t(titleKey, args), s.principal().username(), s.principal().role().label(), s.csrfToken(), nav,
        m, ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
  }

  /** The language of a logged-in user: their own setting, else their browser's. */
  Messages messages(Context ctx) {
    return Messages.of(Messages.choose(platform.users().locale(session(ctx).principal().username()),
        ctx.header("Accept-Language")));
  }

  /** The language of the login form: the browser's. */
  private static Messages loginMessages(Context ctx) {
    return Messages.of(Messages.choose(Optional.empty(), ctx.header("Accept-Language")));
  }

  /** Keeps the user's language and returns to the page the switch was on (a path of this site only). */
  private void changeLanguage(Context ctx) {
    String lang = Optional.ofNullable(ctx.formParam("lang")).orElse("");
    if (!Messages.isSupported(lang)) {
      throw Refusals.refused("refused.language");
    }
    platform.users().setLocale(session(ctx).principal().username(), lang);
    ctx.redirect(localPath(ctx.formParam("back")));
  }

  /**
   * A path on this site to return to: one that starts with a single {@code /}; anything else
   * (another site, {@code //host}, a backslash that browsers read as a slash) becomes the queue.
   */
  static String localPath(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
        || back.chars().anyMatch(ch -> ch < 0x20)) {
      return "/queue";
    }
    return back;
  }

  void render(Context ctx, String template, Object view) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, view, out);
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
      render(ctx, "login.jte", new Views.Login(loginMessages(ctx).t("login.expired"), loginToken(ctx), loginMessages(ctx)));
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String pw = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<org.riskgate.server.store.UserRecord> u;
    try {
      u = platform.auth().login(user, pw, ctx.ip());
    } catch (org.riskgate.server.RetryLater e) {
      ctx.status(e.status()).header("Retry-After", Long.toString(e.retryAfterSeconds()));
      render(ctx, "login.jte", new Views.Login(retryMessage(loginMessages(ctx), e.status(), e.retryAfterSeconds()),
          loginToken(ctx), loginMessages(ctx)));
      return;
    }
    if (u.isEmpty()) {
      ctx.status(401);
      render(ctx, "login.jte", new Views.Login(loginMessages(ctx).t("login.wrong"), loginToken(ctx), loginMessages(ctx)));
      return;
    }
    Session s = platform.auth().openSession(u.get());
    ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure());
    String resume = Optional.ofNullable(ctx.formParam("resume")).orElse("");
    if (!resume.isEmpty() && !s.mustChangePassword() && localPath(resume).equals(resume)) {
      List<String> names = ctx.formParams("k");
      List<String> values = ctx.formParams("v");
      List<Views.Kept> kept = new ArrayList<>();
      for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
        kept.add(new Views.Kept(names.get(i), values.get(i)));
      }
      ctx.attribute(SESSION, s);
      render(ctx, "resume.jte", new Views.Resume(page(ctx, "resume.title", ""), resume, kept));
      return;
    }
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
        throw new IllegalArgumentException(messages(ctx).t("password.differ"));
      }
      platform.auth().changePassword(s.principal().username(),
          Optional.ofNullable(ctx.formParam("oldPassword")).orElse(""), next, ctx.ip());
    } catch (org.riskgate.server.RetryLater e) {
      ctx.status(400);
      render(ctx, "password.jte", new Views.Password(page(ctx, "password.title", ""),
          retryMessage(messages(ctx), e.status(), e.retryAfterSeconds())));
      return;
    } catch (IllegalArgumentException | AuthException e) {
      ctx.status(400);
      render(ctx, "password.jte", new Views.Password(page(ctx, "password.title", ""), messages(ctx).refusal(e)));
      return;
    }
    // a fresh session without the one-time flag; the old one is closed
    platform.auth().closeSession(s.id());
    Session fresh = platform.auth().openSession(platform.users().find(s.principal().username()).orElseThrow());
    ctx.header("Set-Cookie", COOKIE + "=" + fresh.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure());
    ctx.redirect("/queue");
  }

  /** The queue's parameters as typed, for links and for the form. */
  static Views.Params params(Context ctx, List<String> keys) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String k : keys) {
      String x = ctx.queryParam(k);
      if (x != null && !x.isBlank()) {
        v.put(k, x.trim());
      }
    }
    return new Views.Params(keys, v);
  }

  /** The web queue's filter: open cases by default; {@code assignee=me} is the user. */
  private static QueueFilter webFilter(Map<String, String> params, String user) {
    return ApiRoutes.filter(k -> Optional.ofNullable(params.get(k)), "active", user);
  }

  private void queue(Context ctx) {
    Views.Params form = params(ctx, Views.Params.QUEUE);
    String user = session(ctx).principal().username();
    QueueFilter f = webFilter(form.values(), user);
    // the queue the analyst works from: the declaration page leads back to it and to its next case
    lastQueue.put(session(ctx).id(), form.query());
    List<Views.SavedView> views = savedViews.of(user).stream().map(sv -> new Views.SavedView(sv.id(), sv.name(),
        viewParams(sv.query()).query())).toList();
    render(ctx, "queue.jte", new Views.Queue(page(ctx, "queue.title", form.get("assignee").equals("me") ? "mine" : "queue"),
        platform.declarations().queue(f), form, platform.declarations().offices(),
        platform.users().all().stream().filter(u -> !u.disabled()).map(org.riskgate.server.store.UserRecord::username).toList(),
        views));
  }

  /** A view's filters: the queue's parameters of a query string but its page. */
  private static Views.Params viewParams(String query) {
    Map<String, String> v = new LinkedHashMap<>(parseQuery(query));
    v.keySet().retainAll(Views.Params.QUEUE);
    v.remove("page");
    v.values().removeIf(String::isBlank);
    return new Views.Params(Views.Params.QUEUE, v);
  }

  /** Saves the queue's filters as typed under a name of the user's (a name saved again is replaced). */
  private void saveView(Context ctx) {
    Views.Params p = viewParams(Optional.ofNullable(ctx.formParam("query")).orElse(""));
    String user = session(ctx).principal().username();
    webFilter(p.values(), user);   // refuses filters the queue would refuse
    savedViews.save(user, Optional.ofNullable(ctx.formParam("name")).orElse(""), p.query());
    ctx.redirect("/queue" + (p.query().isEmpty() ? "" : "?" + p.query()));
  }

  private void deleteView(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundException(Refusals.phrase("refused.viewId"));
    }
    if (!savedViews.delete(session(ctx).principal().username(), id)) {
      throw new NotFoundException(Refusals.phrase("refused.noView"));
    }
    ctx.redirect("/queue");
  }

  /** Each session's last queue view (its query), at most this many sessions remembered. */
  private static final int REMEMBERED_QUEUES = 10_000;
  private final Map<String, String> lastQueue = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED_QUEUES;
        }
      });

  /** A query string read back into its parameters. */
  private static Map<String, String> parseQuery(String query) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        v.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return v;
  }

  /**
   * The case after {@code id} in the queue the analyst last viewed: the next row of its page (or
   * the first of the next page); when {@code id} has left that queue (a result closed it), the
   * first row of the same page.
   */
  private Optional<String> nextCase(String query, String id, String user) {
    QueueFilter f;
    try {
      f = webFilter(parseQuery(query), user);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    var page = platform.declarations().queue(f);
    List<String> ids = page.rows().stream().map(QueueRow::id).toList();
    int at = ids.indexOf(id);
    if (at >= 0 && at + 1 < ids.size()) {
      return Optional.of(ids.get(at + 1));
    }
    if (at < 0) {
      return ids.stream().filter(x -> !x.equals(id)).findFirst();
    }
    if (page.page() < page.pages()) {
      return platform.declarations().queue(f.onPage(page.page() + 1, f.size())).rows().stream().map(QueueRow::id)
          .filter(x -> !x.equals(id)).findFirst();
    }
    return Optional.empty();
  }

  /** Assigns, starts, closes or reopens the ticked cases of the queue, all in one transaction. */
  private void bulkChange(Context ctx) {
    List<String> ids = ctx.formParams("ids").stream().map(i -> InputChecks.id(i, InputChecks.IdOf.DECLARATION)).toList();
    platform.cases().change(ids, change(ctx), session(ctx).principal().username());
    ctx.redirect("/queue" + Optional.ofNullable(lastQueue.get(session(ctx).id())).filter(q -> !q.isEmpty())
        .map(q -> "?" + q).orElse(""));
  }

  /** The change a form asks for: {@code action} assign_me, assign (to {@code assignee}), inspecting, close or open. */
  private CaseStore.Change change(Context ctx) {
    String me = session(ctx).principal().username();
    String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
    return switch (action) {
      case "assign_me" -> new CaseStore.Change(CaseStatus.ASSIGNED, Optional.of(me));
      case "assign" -> {
        String to = Optional.ofNullable(ctx.formParam("assignee")).orElse("").trim();
        if (platform.users().find(to).filter(u -> !u.disabled()).isEmpty()) {
          throw Refusals.refused("refused.assignee", to);
        }
        yield new CaseStore.Change(CaseStatus.ASSIGNED, Optional.of(to));
      }
      case "inspecting" -> new CaseStore.Change(CaseStatus.INSPECTING, Optional.empty());
      case "close" -> new CaseStore.Change(CaseStatus.CLOSED, Optional.empty());
      case "open" -> new CaseStore.Change(CaseStatus.OPEN, Optional.empty());
      default -> throw Refusals.refused("refused.action");
    };
  }

  private void changeCase(Context ctx) {
    CaseFile c = caseFile(ctx);
    platform.cases().change(List.of(c.declaration().id()), change(ctx), session(ctx).principal().username());
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  private void comment(Context ctx) {
    CaseFile c = caseFile(ctx);
    platform.cases().comment(c.declaration().id(), session(ctx).principal().username(),
        Optional.ofNullable(ctx.formParam("comment")).orElse(""));
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  /** Attaches a file to a case, refused (413) past the upload limit the document uploads have. */
  private void attach(Context ctx) throws IOException {
    CaseFile c = caseFile(ctx);
    if (platform.cases().state(c.declaration().id()).isEmpty()) {
      throw Refusals.refused("refused.notCase");
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null) {
      throw Refusals.refused("refused.noFile");
    }
    if (file.size() > platform.config().maxUploadBytes()) {
      throw tooLarge();
    }
    byte[] bytes;
    try (var in = file.content()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, platform.config().maxUploadBytes() + 1));
    }
    if (bytes.length > platform.config().maxUploadBytes()) {
      throw tooLarge();
    }
    attachments.add(c.declaration().id(), file.filename(), bytes, session(ctx).principal().username());
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  /** An upload over the limit the server is configured with. */
  private org.riskgate.server.api.ApiException tooLarge() {
    return new org.riskgate.server.api.ApiException(413, Refusals.phrase("refused.upload",
        platform.config().maxUploadBytes()));
  }

  /**
   * An attachment, always as a download of opaque bytes: a file an officer uploaded is never
   * served as a page of this site, whatever its name says.
   */
  private void attachment(Context ctx) {
    long n;
    try {
      n = Long.parseLong(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw new NotFoundException(Refusals.phrase("refused.attachmentId"));
    }
    var found = attachments.find(n).orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noAttachment", n)));
    String ascii = found.getKey().fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.contentType("application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + URLEncoder.encode(found.getKey().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
        .result(found.getValue());
  }

  /** Sends a table as a download. */
  private static void send(Context ctx, Export table) throws IOException {
    Export.Format format = Export.Format.parse(ctx.queryParam("format"));
    ctx.contentType(format.contentType)
        .header("Content-Disposition", "attachment; filename=\"" + table.fileName(format) + "\"");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    table.write(format, out);
    ctx.result(out.toByteArray());
  }

  /** Every row of the queue as filtered (up to {@link Export#MAX_ROWS}). */
  private void exportQueue(Context ctx) throws IOException {
    Messages m = messages(ctx);
    QueueFilter f = webFilter(params(ctx, Views.Params.QUEUE).values(), session(ctx).principal().username());
    List<List<Object>> rows = new ArrayList<>();
    for (int p = 1; rows.size() < Export.MAX_ROWS; p++) {
      var page = platform.declarations().queue(f.onPage(p, 500));
      for (QueueRow r : page.rows()) {
        rows.add(List.of(r.id(), r.date(), r.officeId(), r.importerId(), r.hsCode(), r.score(), r.lane().label(),
            r.status().map(CaseStatus::label).orElse(""), r.assignee().orElse(""),
            r.resultFraud().map(x -> x ? "fraud" : "clean").orElse(""),
            String.join("; ", r.topReasons().stream().map(m::reason).toList())));
      }
      if (page.page() >= page.pages()) {
        break;
      }
    }
    send(ctx, new Export("queue", List.of(m.t("field.id"), m.t("field.date"), m.t("field.office"), m.t("field.importer"),
        m.t("field.hs"), m.t("field.score"), m.t("field.lane"), m.t("case.status"), m.t("case.assignee"),
        m.t("field.result"), m.t("queue.reasons")), rows.subList(0, Math.min(rows.size(), Export.MAX_ROWS))));
  }

  private void exportResults(Context ctx) throws IOException {
    Messages m = messages(ctx);
    List<List<Object>> rows = new ArrayList<>();
    for (var r : platform.declarations().results(Export.MAX_ROWS)) {
      rows.add(List.of(r.id(), r.date(), r.officeId(), r.importerId(), r.lane().label(), r.score(), r.result().fraud(),
          r.result().critical(), r.result().amount(), r.result().note(), r.result().recordedBy(),
          r.result().recordedAt().toString()));
    }
    send(ctx, new Export("results", List.of(m.t("field.id"), m.t("field.date"), m.t("field.office"),
        m.t("field.importer"), m.t("field.lane"), m.t("field.score"), m.t("result.fraud"), m.t("result.severity"),
        m.t("result.amountWon"), m.t("result.note"), m.t("audit.actor"), m.t("audit.time")), rows));
  }

  private void requireAuditor(Context ctx) {
    if (!session(ctx).principal().role().allows(Role.SUPERVISOR)) {
      throw new AuthException(403, Refusals.phrase("refused.supervisorAudit"));
    }
  }

  /** The audit log, filtered by user, kind, subject and days, a page at a time. */
  private void audit(Context ctx) {
    requireAuditor(ctx);
    render(ctx, "audit.jte", new Views.Audit(page(ctx, "audit.title", "audit"),
        AuditLog.search(platform.db(), ApiRoutes.auditQuery(ctx)), params(ctx, Views.Params.AUDIT),
        AuditLog.kinds(platform.db())));
  }

  /** Every entry the audit filters match (up to {@link Export#MAX_ROWS}). */
  private void exportAudit(Context ctx) throws IOException {
    requireAuditor(ctx);
    Messages m = messages(ctx);
    var q = ApiRoutes.auditQuery(ctx);
    List<List<Object>> rows = new ArrayList<>();
    for (int p = 1; rows.size() < Export.MAX_ROWS; p++) {
      var page = AuditLog.search(platform.db(), q.onPage(p, 500));
      for (var e : page.entries()) {
        rows.add(List.of(e.seq(), e.loggedAt().toString(), e.actor(), e.kind(), e.subject(), e.detail()));
      }
      if (page.page() >= page.pages()) {
        break;
      }
    }
    send(ctx, new Export("audit", List.of("#", m.t("audit.time"), m.t("audit.actor"), m.t("audit.kind"),
        m.t("audit.subject"), m.t("audit.detail")), rows.subList(0, Math.min(rows.size(), Export.MAX_ROWS))));
  }

  private CaseFile caseFile(Context ctx) {
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.DECLARATION);
    return platform.declarations().find(id).orElseThrow(() -> new NotFoundException(
        Refusals.phrase("refused.noDeclaration", id)));
  }

  private void declaration(Context ctx) {
    CaseFile c = caseFile(ctx);
    renderCase(ctx, c, "", c.result().map(r -> new Views.ResultForm(Boolean.toString(r.fraud()),
        Integer.toString(Math.max(1, r.critical())), r.amount() == 0 ? "" : messages(ctx).number(r.amount()), r.note()))
        .orElse(Views.ResultForm.EMPTY));
  }

  /** How many similar past declarations the declaration page lists. */
  static final int SIMILAR_SHOWN = 5;

  private void renderCase(Context ctx, CaseFile c, String error, Views.ResultForm form) {
    List<List<String>> labels = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    // the reason that set the lane gets the longest bar: a forced lane outweighs any push on the score
    double longest = c.decision().reasons().stream().mapToDouble(r -> Math.abs(r.weight())).max().orElse(0);
    for (Reason r : c.decision().reasons()) {
      labels.add(lines(messages(ctx).reason(r), 36));
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
      problem = messages(ctx).refusal(e);
    }
    List<Views.Doc> docs = platform.documents().store().of(c.declaration().id()).stream()
        .map(d -> new Views.Doc(d.id(), d.fileName(), d.width(), d.height(), DocumentService.report(d))).toList();
    Page page = page(ctx, "case.title", "queue", c.declaration().id());
    String id = c.declaration().id();
    String back = Optional.ofNullable(lastQueue.get(session(ctx).id())).orElse("");
    Optional<Views.CaseView> caseView = platform.cases().state(id).map(state -> new Views.CaseView(state,
        platform.cases().comments(id), AuditLog.latest(platform.db(), id, 50), back,
        nextCase(back, id, session(ctx).principal().username()),
        platform.users().all().stream().filter(u -> !u.disabled()).map(org.riskgate.server.store.UserRecord::username).toList(),
        attachments.of(id)));
    render(ctx, "declaration.jte", new Views.Case(page, c,
        scriptJson(Map.of("labels", labels, "weights", weights, "name", page.m().t("chart.push"))), problem, platform.hs().path(c.declaration().hsCode()),
        check, describe, suggestions, docs, Codes.of(c.declaration(), page.m()), context(c, page.m()), form, caseView,
        platform.similar().of(c.declaration(), SIMILAR_SHOWN)));
  }

  /**
   * A chart label broken into lines of about {@code width} Latin letters at spaces (Chart.js
   * draws a list as lines), so that a long reason is shown whole instead of cut off at the axis;
   * a Hangul or other wide letter takes the room of two.
   */
  static List<String> lines(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int used = 0;
    for (String word : text.split(" ")) {
      int w = columns(word);
      if (line.length() > 0 && used + 1 + w > width) {
        out.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      if (line.length() > 0) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += w;
    }
    out.add(line.toString());
    return out;
  }

  /** How many Latin letters' room a text takes: Hangul and CJK letters take two. */
  private static int columns(String s) {
    return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
  }

  /**
   * What the decision was measured against, in words: the policy, the priority, the rank among
   * the day's (or office's) declarations with the slots they shared, or the thresholds; and the
   * day of any snapshot its evidence came from. Empty for decisions stored before they kept it.
   */
  private static List<Map.Entry<String, String>> context(CaseFile c, Messages m) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    c.decision().context().ifPresent(x -> {
      boolean capacity = x.policy() == org.riskgate.selectivity.DecisionContext.Policy.CAPACITY;
      out.add(Map.entry(m.t("context.policy"), m.t(capacity ? "context.policy.capacity" : "context.policy.thresholds")));
      out.add(Map.entry(m.t("context.priority"), Views.f3(x.priority())));
      if (capacity) {
        out.add(Map.entry(m.t("context.rank"), x.rank() > 0 ? m.t("context.rankOf", x.rank(), x.group())
            : m.t("context.notRanked")));
        out.add(Map.entry(m.t("context.where"), x.office().isEmpty() ? m.t("context.day")
            : m.t("context.office", x.office())));
        out.add(Map.entry(m.t("context.slots"), m.t("context.slotsOf", x.redSlots(), x.yellowSlots())));
      }
      out.add(Map.entry(m.t(capacity ? "context.redCut" : "context.redThreshold"), cut(x.redFrom(), m)));
      out.add(Map.entry(m.t(capacity ? "context.yellowCut" : "context.yellowThreshold"), cut(x.yellowFrom(), m)));
      x.evidenceAsOf().forEach((check, day) -> out.add(Map.entry(m.t("context.asOf", m.source(check)), m.date(day))));
    });
    return out;
  }

  /** A cut-off or threshold; none when nothing could reach the lane. */
  private static String cut(double from, Messages m) {
    return Double.isInfinite(from) || Double.isNaN(from) ? m.t("context.none") : Views.f3(from);
  }

  private void uploadDocument(Context ctx) throws IOException {
    CaseFile c = caseFile(ctx);
    UploadedFile file = ctx.uploadedFile("document");
    if (file == null) {
      throw Refusals.refused("refused.noScan");
    }
    if (file.size() > platform.config().maxUploadBytes()) {
      throw tooLarge();
    }
    try (var in = file.content()) {
      platform.documents().verify(c.declaration().id(), Optional.ofNullable(ctx.formParam("issuer")).orElse("").trim(),
          file.filename(), in, session(ctx).principal().username());
    }
    platform.recheckAfterDocuments(c.declaration().id(), session(ctx).principal().username());
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  /** Documents shown on the documents page, newest first. */
  private static final int DOCUMENTS_SHOWN = 200;

  /** The latest document checks: every stamp and signature with its verdict and the stamp's text check. */
  private void documents(Context ctx) {
    render(ctx, "documents.jte", new Views.Documents(page(ctx, "documents.title", "documents"),
        platform.documents().store().latest(DOCUMENTS_SHOWN).stream()
            .map(d -> new Views.StoredCheck(d, DocumentService.report(d))).toList()));
  }

  private void documentImage(Context ctx) throws IOException {
    long doc;
    try {
      doc = Long.parseLong(ctx.pathParam("doc"));
    } catch (NumberFormatException e) {
      throw new NotFoundException(Refusals.phrase("refused.documentId"));
    }
    var d = platform.documents().store().find(doc)
        .orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noDocument", doc)));
    ApiRoutes.sendImage(ctx, platform.documents().image(d));
  }

  private void recordResult(Context ctx) {
    CaseFile c = caseFile(ctx);
    Messages m = messages(ctx);
    Views.ResultForm typed = new Views.ResultForm(Optional.ofNullable(ctx.formParam("fraud")).orElse(""),
        Optional.ofNullable(ctx.formParam("critical")).orElse("1"), Optional.ofNullable(ctx.formParam("amount")).orElse(""),
        Optional.ofNullable(ctx.formParam("note")).orElse(""));
    try {
      if (!typed.fraud().equals("true") && !typed.fraud().equals("false")) {
        throw new IllegalArgumentException(m.t("error.fraudChoice"));
      }
      boolean fraud = typed.fraud().equals("true");
      int critical = fraud ? (typed.critical().equals("2") ? 2 : 1) : 0;
      InspectionResult r = new InspectionResult(c.declaration().id(), fraud, critical, m.parseAmount(typed.amount()),
          typed.note(), session(ctx).principal().username(), Instant.now());
      platform.recordResult(r);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      renderCase(ctx, c, m.refusal(e), typed);
      return;
    }
    ctx.redirect(Views.path("declarations", c.declaration().id()));
  }

  private void dashboard(Context ctx) {
    String bundle = platform.decisions().config().bundle().id();
    Views.Params form = params(ctx, Views.Params.DASHBOARD);
    Dashboard d = platform.declarations().dashboard(bundle,
        Optional.ofNullable(form.values().get("from")).map(t -> ApiRoutes.date(t, "from")),
        Optional.ofNullable(form.values().get("to")).map(t -> ApiRoutes.date(t, "to")),
        Optional.ofNullable(form.values().get("office")));
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("days", d.laneMix().stream().map(x -> x.day().toString()).toList());
    chart.put("red", d.laneMix().stream().map(Dashboard.DayLanes::red).toList());
    chart.put("yellow", d.laneMix().stream().map(Dashboard.DayLanes::yellow).toList());
    chart.put("green", d.laneMix().stream().map(Dashboard.DayLanes::green).toList());
    chart.put("hitDays", d.hits().stream().map(x -> x.day().toString()).toList());
    chart.put("hitRate", d.hits().stream().map(Dashboard.DayHits::hitRate).toList());
    chart.put("hitSmooth", movingHitRate(d.hits(), SMOOTHING_DAYS));
    chart.put("inspected", d.hits().stream().map(Dashboard.DayHits::inspected).toList());
    chart.put("driftDays", d.drift().stream().map(x -> x.day().toString()).toList());
    chart.put("meanScore", d.drift().stream().map(Dashboard.DayScore::mean).toList());
    List<Integer> ks = List.of(10, 20, 50, 100, 200);
    chart.put("k", ks);
    chart.put("precision", ks.stream().map(k -> Double.isNaN(d.precisionAt(k)) ? 0 : d.precisionAt(k)).toList());
    Page page = page(ctx, "dash.title", "dashboard");
    Messages m = page.m();
    // the series' names in the page's language (legends and tooltips)
    chart.put("names", Map.of("red", m.t("lane.red"), "yellow", m.t("lane.yellow"), "green", m.t("lane.green"),
        "hitRate", m.t("chart.hitRate"), "hitSmooth", m.t("chart.hitSmooth"), "precision", m.t("chart.precision"),
        "top", m.t("chart.top"), "meanScore", m.t("chart.meanScore")));
    var outcomes = org.riskgate.server.store.Outcomes.of(platform.db(),
        Optional.ofNullable(form.values().get("from")).map(t -> ApiRoutes.date(t, "from")),
        Optional.ofNullable(form.values().get("to")).map(t -> ApiRoutes.date(t, "to")),
        Optional.ofNullable(form.values().get("office")));
    Optional<Views.Drift> drift = session(ctx).principal().role().allows(Role.SUPERVISOR)
        ? Optional.of(drift(m)) : Optional.empty();
    render(ctx, "dashboard.jte", new Views.Dashboard(page, scriptJson(chart), d, bundle, summaries(d, m), form,
        platform.declarations().offices(), outcomes, drift));
  }

  /** Days the dashboard's smoothed hit rate pools. */
  static final int SMOOTHING_DAYS = 7;

  /**
   * Each day's hit rate pooled over it and the {@code days - 1} calendar days before: frauds over
   * inspections of the window, so a day of two inspections weighs as little as it should.
   */
  static List<Double> movingHitRate(List<Dashboard.DayHits> hits, int days) {
    List<Double> out = new ArrayList<>();
    long inspected = 0;
    long frauds = 0;
    int start = 0;
    for (Dashboard.DayHits h : hits) {
      inspected += h.inspected();
      frauds += h.frauds();
      while (hits.get(start).day().isBefore(h.day().minusDays(days - 1))) {
        inspected -= hits.get(start).inspected();
        frauds -= hits.get(start).frauds();
        start++;
      }
      out.add(inspected == 0 ? 0 : frauds / (double) inspected);
    }
    return out;
  }

  /** The active model's drift, or why it cannot be measured. */
  private Views.Drift drift(Messages m) {
    try {
      var r = platform.drift().report(platform.decisions().config().bundle());
      return new Views.Drift("", r.alarm(), r.weeks().size(),
          r.weeks().stream().filter(org.riskgate.risk.drift.DriftReport.Week::alarm)
              .map(org.riskgate.risk.drift.DriftReport.Week::monday).toList(),
          r.worst().stream().sorted(java.util.Comparator.comparingDouble(
              org.riskgate.risk.drift.DriftReport.Measure::psi).reversed()).limit(5).toList());
    } catch (IllegalStateException | IOException e) {
      return new Views.Drift(m.refusal(e), false, 0, List.of(), List.of());
    }
  }

  /** Each chart's figures in a sentence: its text alternative. */
  private static List<String> summaries(Dashboard d, Messages m) {
    long red = d.laneMix().stream().mapToLong(Dashboard.DayLanes::red).sum();
    long yellow = d.laneMix().stream().mapToLong(Dashboard.DayLanes::yellow).sum();
    long green = d.laneMix().stream().mapToLong(Dashboard.DayLanes::green).sum();
    long inspected = d.hits().stream().mapToLong(Dashboard.DayHits::inspected).sum();
    double meanScore = d.drift().stream().mapToDouble(Dashboard.DayScore::mean).average().orElse(Double.NaN);
    return List.of(
        m.t("dash.laneMixSummary", d.laneMix().size(), m.integer(red), m.integer(yellow), m.integer(green)),
        m.t("dash.hitsSummary", d.hits().size(), m.integer(inspected), m.pct(d.hitRate())),
        m.t("dash.precisionSummary", m.pct(d.precisionAt(10)), m.pct(d.precisionAt(50)), m.pct(d.precisionAt(100)),
            m.integer(d.ranked().size())),
        m.t("dash.driftSummary", d.drift().size(), Views.f3(meanScore)));
  }

  private void models(Context ctx) throws IOException {
    List<ModelRecord> all = platform.models().all();
    Page page = page(ctx, "models.title", "models");
    List<String> metrics = new ArrayList<>();
    for (ModelRecord m : all) {
      metrics.add(describeEvaluation(m.evaluation(), page.m()));
    }
    render(ctx, "models.jte", new Views.Models(page, all, metrics));
  }

  private static String describeEvaluation(String json, Messages msg) throws IOException {
    var n = Json.MAPPER.readTree(json);
    if (!n.has("metrics")) {
      return n.has("skipped") ? msg.t("models.skipped", n.get("skipped").asText()) : msg.t("models.notEvaluated");
    }
    var m = n.get("metrics");
    StringBuilder b = new StringBuilder(msg.t("models.on", n.get("period").asText()) + ": AUC " + Views.f3(m.get("auc").asDouble())
        + ", PR-AUC " + Views.f3(m.get("prAuc").asDouble()));
    for (var at : m.get("atPercent")) {
      b.append(", ").append(msg.t("models.precisionAt", at.get("percent").asInt())).append(' ')
          .append(Views.f3(at.get("precision").asDouble()));
    }
    return b.toString();
  }

  private void activate(Context ctx) throws IOException {
    if (!session(ctx).principal().role().allows(Role.ADMIN)) {
      throw new AuthException(403, Refusals.phrase("refused.adminModel"));
    }
    platform.activateModel(ctx.pathParam("id"), session(ctx).principal().username());
    ctx.redirect("/models");
  }

  private void settings(Context ctx, String message) {
    settings(ctx, message, platform.decisions().config().rulesText(), List.of());
  }

  private void settings(Context ctx, String message, String rulesText,
      List<org.riskgate.selectivity.rules.RuleProblem> problems) {
    settings(ctx, message, rulesText, problems, Optional.empty());
  }

  private void settings(Context ctx, String message, String rulesText,
      List<org.riskgate.selectivity.rules.RuleProblem> problems,
      Optional<org.riskgate.selectivity.rules.BacktestReport> backtest) {
    var c = platform.decisions().config();
    boolean edit = session(ctx).principal().role().allows(Role.SUPERVISOR);
    String t = messages(ctx).t("settings.thresholds", Views.f3(c.thresholds().red()), Views.f3(c.thresholds().yellow()),
        c.thresholds().basis());
    render(ctx, "settings.jte", new Views.Settings(page(ctx, "settings.title", "settings"), c.capacity(), c.objective(), t,
        rulesText, edit, message, problems, backtest));
  }

  void requireSupervisor(Context ctx) {
    if (!session(ctx).principal().role().allows(Role.SUPERVISOR)) {
      throw new AuthException(403, Refusals.phrase("refused.supervisorSettings"));
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
      settings(ctx, messages(ctx).refusal(e));
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
      settings(ctx, messages(ctx).t("refused.objective", name));
      return;
    }
    platform.changeObjective(chosen.get(), session(ctx).principal().username());
    ctx.redirect("/settings");
  }

  /** Replaces the rules; a refused text stays in the form with its problems by line and column. */
  private void changeRules(Context ctx) {
    requireSupervisor(ctx);
    String text = Optional.ofNullable(ctx.formParam("rules")).orElse("");
    try {
      if ("draft".equals(ctx.formParam("action"))) {
        // a rule from the groups page, put after the rules in force and shown, never stored
        String rules = platform.decisions().config().rulesText().stripTrailing();
        settings(ctx, "", (rules.isEmpty() ? "" : rules + "\n\n") + messages(ctx).t("settings.draftComment")
            + "\n" + Optional.ofNullable(ctx.formParam("append")).orElse(""), List.of());
        return;
      }
      if ("backtest".equals(ctx.formParam("action"))) {
        if (text.length() > Platform.MAX_RULES_CHARS) {
          throw Refusals.refused("refused.draftLength", Platform.MAX_RULES_CHARS);
        }
        // a draft is replayed, never stored: the form keeps it for saving or correcting
        settings(ctx, "", text, List.of(), Optional.of(platform.backtestRules(text)));
        return;
      }
      platform.changeRules(text, session(ctx).principal().username());
    } catch (org.riskgate.selectivity.rules.RulesException e) {
      ctx.status(400);
      settings(ctx, messages(ctx).t("settings.refused"), text, e.problems());
      return;
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      settings(ctx, messages(ctx).refusal(e), text, List.of());
      return;
    }
    ctx.redirect("/settings");
  }

  private static double number(Context ctx, String name) {
    try {
      return Double.parseDouble(Optional.ofNullable(ctx.formParam(name)).orElse("").trim());
    } catch (NumberFormatException e) {
      throw Refusals.refused("refused.percentage", org.riskgate.selectivity.Refusals.words("capacity.lane." + name));
    }
  }

  private void entity(Context ctx) {
    PartyRole role = ProfileService.role(ctx.pathParam("role"));
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.PARTY);
    LocalDate asOf = Optional.ofNullable(ctx.queryParam("asOf")).filter(t -> !t.isBlank())
        .map(t -> ApiRoutes.date(t, "asOf")).orElseGet(() -> ApiRoutes.defaultAsOf(platform));
    Optional<PartyProfile> profile = platform.profiles().profile(role, id, asOf);
    List<QueueRow> rows = platform.declarations().byParty(role.key(), id, 200);
    if (profile.isEmpty() && rows.isEmpty()) {
      throw new NotFoundException(Refusals.phrase("refused.noParty", role.key(), id, Refusals.phrase("role." + role.key())));
    }
    render(ctx, "entity.jte", new Views.Entity(page(ctx, "party.title", "queue", messages(ctx).t("role." + role.key()), id),
        role.key(), id, asOf, profile, rows.isEmpty() ? Optional.empty() : Optional.of(PartyDeclarations.of(id, rows))));
  }

  /** Parties whose id starts with what was typed, in any role; one hit opens its page at once. */
  private void parties(Context ctx) {
    String q = Optional.ofNullable(ctx.queryParam("q")).map(String::trim).orElse("");
    if (q.length() > 64) {
      throw Refusals.refused("refused.partyId");
    }
    List<org.riskgate.server.store.PartyHit> found = q.isEmpty() ? List.of() : platform.declarations().searchParties(q, 20);
    if (found.size() == 1) {
      ctx.redirect(Views.path("entities", found.get(0).role(), found.get(0).id()));
      return;
    }
    render(ctx, "parties.jte", new Views.Parties(page(ctx, "search.title", "queue"), q, found));
  }

  /** JSON safe to place inside a script element: no '<' can close it. */
  static String scriptJson(Object value) {
    return Json.write(value).replace("<", "\\u003c");
  }
}
