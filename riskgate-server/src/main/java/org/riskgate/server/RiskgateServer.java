package org.riskgate.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.riskgate.server.api.ApiRoute;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.api.ErrorMapper;
import org.riskgate.server.auth.AuthException;
import org.riskgate.server.auth.AuthService;
import org.riskgate.server.auth.Principal;
import org.riskgate.server.web.WebRoutes;

/**
 * The HTTP server: the REST API under {@code /api/v1} (bearer tokens), the web UI (sessions
 * with CSRF tokens), static files and the checked-in OpenAPI document.
 */
public final class RiskgateServer implements AutoCloseable {
  private static final int RESPONSE_COPY_BYTES = 8 * 1024;
  private final Platform platform;
  private final Javalin app;
  private final List<ApiRoute> routes;
  private final Admission admission;

  private RiskgateServer(Platform platform, Javalin app, List<ApiRoute> routes, Admission admission) {
    this.platform = platform;
    this.app = app;
    this.routes = routes;
    this.admission = admission;
  }

  /** Starts serving the platform on its configured host and port. */
  public static RiskgateServer start(Platform platform) {
    ServerConfig cfg = platform.config();
    List<ApiRoute> routes = java.util.stream.Stream.concat(new ApiRoutes(platform).routes().stream(),
        new org.riskgate.server.loop.LoopRoutes(platform).routes().stream()).toList();
    WebRoutes web = new WebRoutes(platform);
    byte[] openApi = openApiDocument();
    Admission admission = new Admission(cfg.limits());
    Javalin app = Javalin.create(config -> {
      config.jetty.modifyServletContextHandler(context -> context.insertHandler(admission.handler()));
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = cfg.maxUploadBytes();
      // Javalin copies each answer into Jetty's output through a buffer of this size, allocated
      // per answer: its default, Jetty's 32 KB output buffer, was 9 % of the server's allocation
      // at 500 requests/s for answers of about 1 KB (JFR); a larger answer is copied in 8 KB steps
      config.http.responseBufferSize = RESPONSE_COPY_BYTES;
      config.jetty.host = cfg.host();
      config.jetty.port = cfg.port();
      // form uploads (documents) are cut off by Jetty itself, before they reach the disk in full
      config.jetty.multipartConfig.maxFileSize(cfg.maxUploadBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(cfg.maxUploadBytes() + 64 * 1024, SizeUnit.BYTES);
      config.staticFiles.enableWebjars();
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/static";
        files.location = Location.CLASSPATH;
      });
      cfg.tls().ifPresent(tls -> config.jetty.addConnector((server, http) -> httpsConnector(server, http, cfg, tls)));
      // Javalin's own answers (an unknown path, a method not allowed) are exceptions too, mapped
      // by default unless a handler names their class
      config.routes.exception(Exception.class, (e, ctx) -> failed(web, e, ctx, cfg.maxUploadBytes()));
      config.routes.exception(io.javalin.http.HttpResponseException.class,
          (e, ctx) -> failed(web, e, ctx, cfg.maxUploadBytes()));
      config.routes.exception(RetryLater.class, (e, ctx) -> retryLater(web, e, ctx));
      config.routes.before(ctx -> securityHeaders(ctx, cfg));
      config.routes.before("/api/v1/*", ctx -> authenticate(platform, admission, ctx));
      config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      // the liveness probe: answered outside the request queue, touching nothing behind it
      config.routes.get(Admission.HEALTH, ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
      for (ApiRoute r : routes) {
        config.routes.addHttpHandler(switch (r.method()) {
          case "GET" -> HandlerType.GET;
          case "POST" -> HandlerType.POST;
          case "PUT" -> HandlerType.PUT;
          case "DELETE" -> HandlerType.DELETE;
          default -> throw new IllegalStateException("unsupported method " + r.method());
        }, r.path(), guarded(r));
      }
      web.register(config.routes);
    });
    app.start();
    return new RiskgateServer(platform, app, routes, admission);
  }

  /**
   * Headers every answer carries, error pages included: set before any handler runs, so a page
   * that fails still has them. Pages and API answers are never cached (they show one user's
   * data); static files may be.
   */
  private static void securityHeaders(Context ctx, ServerConfig cfg) {
    ctx.header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (cfg.tls().isPresent()) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** The HTTPS listener that replaces plain HTTP when a keystore is configured. */
  private static org.eclipse.jetty.server.Connector httpsConnector(org.eclipse.jetty.server.Server server,
      org.eclipse.jetty.server.HttpConfiguration http, ServerConfig cfg, ServerConfig.Tls tls) {
    var ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(tls.password());
    var https = new org.eclipse.jetty.server.HttpConfiguration(http);
    var secure = new org.eclipse.jetty.server.SecureRequestCustomizer();
    // the certificate names the public host; loopback and internal names must still be served
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    var c = new org.eclipse.jetty.server.ServerConnector(server,
        new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
        new org.eclipse.jetty.server.HttpConnectionFactory(https));
    c.setHost(cfg.host());
    c.setPort(cfg.port());
    return c;
  }

  private static byte[] openApiDocument() {
    try (InputStream in = RiskgateServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the server's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read openapi.json", e);
    }
  }

  /** A failure: JSON under /api, a styled page of the UI elsewhere. */
  private static void failed(WebRoutes web, Exception e, Context ctx, long maxUploadBytes) {
    unreadBodyDrained(ctx, maxUploadBytes);
    if (ctx.path().startsWith("/api/")) {
      ErrorMapper.handle(e, ctx);
    } else {
      web.error(e, ctx);
    }
  }

  /**
   * Reads and drops what is left of an upload refused before it was read (a document for an
   * unknown declaration, a bad token): Jetty would otherwise close the connection under a client
   * still sending, and the client's TCP stack, reset, loses the refusal it was sent. A body past the
   * upload limit is not read: that client is cut off, as the limit means.
   */
  static void unreadBodyDrained(Context ctx, long maxUploadBytes) {
    long announced = ctx.req().getContentLengthLong();
    if (announced == 0 || announced > maxUploadBytes) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] sink = new byte[16 * 1024];
      long left = maxUploadBytes;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // already read as characters, or the client went away: nothing left to save the answer from
    }
  }

  /**
   * 429 or 503 with the wait in {@code Retry-After}: the styled page in the user's language to a
   * browser asking for HTML, JSON to the API and to any other client.
   */
  private static void retryLater(WebRoutes web, RetryLater e, Context ctx) {
    ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    if (!ctx.path().startsWith("/api/") && wantsHtml(ctx.header("Accept"))) {
      web.error(e, ctx);
    } else {
      ctx.status(e.status()).contentType("application/json").result(refusalJson(e.status(), e.getMessage(),
          e.retryAfterSeconds()));
    }
  }

  /** Whether a client's {@code Accept} asks for a page (browsers name text/html first). */
  static boolean wantsHtml(String accept) {
    return accept != null && accept.contains("text/html");
  }

  /** The API's body of a 429 or 503: the Error schema with the wait. */
  static String refusalJson(int status, String message, long retryAfterSeconds) {
    return Json.write(java.util.Map.of("status", status, "error", message, "retryAfterSeconds", retryAfterSeconds));
  }

  /** Every /api/v1 call but the credential exchanges needs a valid bearer token. */
  private static void authenticate(Platform platform, Admission admission, Context ctx) {
    if (ctx.path().startsWith("/api/v1/auth/")) {
      return;
    }
    String h = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new AuthException(401, "an API token is required (Authorization: Bearer TOKEN)");
    }
    String token = h.substring(7).trim();
    Principal p = platform.auth().byToken(token)
        .orElseThrow(() -> new AuthException(401, "invalid API token"));
    admission.take(AuthService.sha256(token));
    ctx.attribute(ApiRoutes.PRINCIPAL, p);
  }

  private static Handler guarded(ApiRoute r) {
    return ctx -> {
      if (r.role().isPresent()) {
        Principal p = ctx.attribute(ApiRoutes.PRINCIPAL);
        if (p == null) {
          throw new AuthException(401, "an API token is required");
        }
        if (!p.role().allows(r.role().get())) {
          throw new AuthException(403, "role " + p.role().label() + " may not do this (needs "
              + r.role().get().label() + ")");
        }
      }
      r.handler().handle(ctx);
    };
  }

  /** The port actually listened on. */
  public int port() {
    return app.port();
  }

  /** The API's routes, as served (for the OpenAPI check). */
  public List<ApiRoute> routes() {
    return routes;
  }

  public Platform platform() {
    return platform;
  }

  @Override
  public void close() {
    app.stop();
    admission.close();
  }
}
