package org.riskgate.server.api;

import static java.util.Optional.empty;
import static java.util.Optional.of;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Reject;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.DateWindow;
import org.riskgate.server.Json;
import org.riskgate.server.NotFoundException;
import org.riskgate.server.Platform;
import org.riskgate.server.Refusals;
import org.riskgate.server.auth.Principal;
import org.riskgate.server.auth.Role;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.CaseFile;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.InspectionResult;
import org.riskgate.server.store.QueueFilter;
import org.riskgate.server.store.QueueRow;
import org.riskgate.server.checks.DocumentService;
import org.riskgate.server.checks.ProfileService;
import org.riskgate.profiles.PartyRole;
import org.riskgate.server.store.StoreException;

/** Every route of the REST API, in one table, and their handlers: parse, call, answer. */
public final class ApiRoutes {
  /** Request attribute holding the authenticated {@link Principal}. */
  public static final String PRINCIPAL = "riskgate.principal";
  private static final Role A = Role.ANALYST;
  private static final Role S = Role.SUPERVISOR;
  private static final Role ADMIN = Role.ADMIN;

  private final Platform platform;

  public ApiRoutes(Platform platform) {
    this.platform = platform;
  }

  /** The routes, in one explicit block. */
  public List<ApiRoute> routes() {
    return List.of(
        new ApiRoute("POST", "/api/v1/auth/token", empty(), this::issueToken),
        new ApiRoute("POST", "/api/v1/auth/password", empty(), this::changePassword),
        new ApiRoute("POST", "/api/v1/batches", of(A), this::ingestBatch),
        new ApiRoute("POST", "/api/v1/declarations", of(A), this::ingestOne),
        new ApiRoute("GET", "/api/v1/declarations/{id}", of(A), this::declaration),
        new ApiRoute("PUT", "/api/v1/declarations/{id}/result", of(A), this::recordResult),
        new ApiRoute("GET", "/api/v1/queue", of(A), this::queue),
        new ApiRoute("GET", "/api/v1/entities/{role}/{id}", of(A), this::entity),
        new ApiRoute("GET", "/api/v1/entities/{role}/{id}/network", of(A), this::network),
        new ApiRoute("GET", "/api/v1/groups", of(A), this::groups),
        new ApiRoute("GET", "/api/v1/hs/suggest", of(A), this::suggestHs),
        new ApiRoute("POST", "/api/v1/declarations/{id}/documents", of(A), this::uploadDocument),
        new ApiRoute("GET", "/api/v1/declarations/{id}/documents", of(A), this::documents),
        new ApiRoute("GET", "/api/v1/documents/{doc}/image", of(A), this::documentImage),
        new ApiRoute("GET", "/api/v1/dashboard", of(A), this::dashboard),
        new ApiRoute("GET", "/api/v1/models", of(A), this::models),
        new ApiRoute("POST", "/api/v1/models", of(ADMIN), this::registerModel),
        new ApiRoute("POST", "/api/v1/models/{id}/activate", of(ADMIN), this::activateModel),
        new ApiRoute("GET", "/api/v1/capacity", of(A), this::capacity),
        new ApiRoute("PUT", "/api/v1/capacity", of(S), this::changeCapacity),
        new ApiRoute("GET", "/api/v1/objective", of(A), this::objective),
        new ApiRoute("PUT", "/api/v1/objective", of(S), this::changeObjective),
        new ApiRoute("GET", "/api/v1/rules", of(A), this::rules),
        new ApiRoute("PUT", "/api/v1/rules", of(S), this::changeRules),
        new ApiRoute("GET", "/api/v1/audit", of(S), this::audit),
        new ApiRoute("GET", "/api/v1/watchlists", of(A), this::watchlists),
        new ApiRoute("GET", "/api/v1/watchlists/{name}", of(A), this::watchlist),
        new ApiRoute("PUT", "/api/v1/watchlists/{name}", of(S), this::putWatchlist),
        new ApiRoute("DELETE", "/api/v1/watchlists/{name}", of(S), this::deleteWatchlist),
        new ApiRoute("POST", "/api/v1/sql", of(A), this::sql),
        new ApiRoute("POST", "/api/v1/users", of(ADMIN), this::createUser),
        new ApiRoute("GET", "/api/v1/users", of(ADMIN), this::users),
        new ApiRoute("POST", "/api/v1/users/{name}/disable", of(ADMIN), ctx -> setDisabled(ctx, true)),
        new ApiRoute("POST", "/api/v1/users/{name}/enable", of(ADMIN), ctx -> setDisabled(ctx, false)),
        new ApiRoute("GET", "/api/v1/tokens", of(A), this::tokens),
        new ApiRoute("POST", "/api/v1/tokens/{id}/revoke", of(A), this::revokeToken));
  }

  static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  /** The request body, refused (413) past the upload limit. */
  private InputStream in(Context ctx) {
    return in(ctx, platform.config().maxUploadBytes());
  }

  // JSON bodies are small (the largest, a rule set, is 200,000 characters at most): a JSON tree of
  // a full upload's size would cost several times that in heap
  private static final long JSON_LIMIT = 1 << 20;

  /** A JSON request body, refused (413) past 1 MiB. */
  private InputStream jsonIn(Context ctx) {
    return in(ctx, Math.min(JSON_LIMIT, platform.config().maxUploadBytes()));
  }

  private static InputStream in(Context ctx, long max) {
    if (ctx.contentLength() > max) {
      throw new ApiException(413, "request body larger than " + max + " bytes");
    }
    return new LimitedInputStream(ctx.bodyInputStream(), max);
  }

  private JsonNode body(Context ctx) throws IOException {
    JsonNode n = Json.MAPPER.readTree(jsonIn(ctx));
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return n;
  }

  /** The body as a value of a type; {@code null} is refused like any other missing body. */
  private <T> T read(Context ctx, Class<T> type) throws IOException {
    T v = Json.MAPPER.readValue(jsonIn(ctx), type);
    if (v == null) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is required (text)");
    }
    return v.asText();
  }

  private void issueToken(Context ctx) throws IOException {
    JsonNode b = body(ctx);
    var user = platform.auth().login(text(b, "username"), text(b, "password"), ctx.ip())
        .orElseThrow(() -> new ApiException(401, "wrong user name or password"));
    if (user.mustChange()) {
      throw new ApiException(403, "change the one-time password first (POST /api/v1/auth/password)");
    }
    String label = b.hasNonNull("label") ? b.get("label").asText() : "api";
    Optional<java.time.Duration> ttl = Optional.empty();
    if (b.has("days")) {
      if (!b.get("days").canConvertToInt()) {
        throw new IllegalArgumentException("field 'days' must be a whole number of days");
      }
      ttl = Optional.of(java.time.Duration.ofDays(b.get("days").asInt()));
    }
    json(ctx, 201, Map.of("token", platform.auth().issueToken(user.username(), label.length() > 100
        ? label.substring(0, 100) : label, ttl), "role", user.role()));
  }

  private void changePassword(Context ctx) throws IOException {
    JsonNode b = body(ctx);
    platform.auth().changePassword(text(b, "username"), text(b, "oldPassword"), text(b, "newPassword"), ctx.ip());
    ctx.status(204);
  }

  private void users(Context ctx) {
    json(ctx, 200, platform.users().all().stream().map(u -> Map.of("username", u.username(), "role", u.role(),
        "disabled", u.disabled())).toList());
  }

  private void setDisabled(Context ctx, boolean disabled) {
    platform.auth().setDisabled(ctx.pathParam("name"), disabled, principal(ctx).username());
    json(ctx, 200, Map.of("username", ctx.pathParam("name"), "disabled", disabled));
  }

  private void tokens(Context ctx) {
    json(ctx, 200, platform.auth().tokens(principal(ctx)));
  }

  private void revokeToken(Context ctx) {
    if (!platform.auth().revokeToken(ctx.pathParam("id"), principal(ctx))) {
      throw new NotFoundException(Refusals.phrase("refused.noToken", ctx.pathParam("id")));
    }
    json(ctx, 200, Map.of("revoked", ctx.pathParam("id")));
  }

  /**
   * A CSV batch: every row checked, then scored and stored in one transaction. Any rejected row
   * refuses the whole batch; nothing is stored. Memory stays bounded whatever the upload holds:
   * rejects stream to a file in the rejects folder and the answer lists the first few with their
   * count, rows are kept only while none is rejected, and a batch has at most
   * {@code maxBatchRows} rows.
   */
  private void ingestBatch(Context ctx) throws IOException {
    Principal p = principal(ctx);
    String name = Optional.ofNullable(ctx.queryParam("name")).orElse("upload.csv");
    var limits = platform.config().limits();
    Path tmp = Files.createTempFile("riskgate-batch", ".csv");
    try (RejectFile rejects = new RejectFile(platform.config().dataDir().toAbsolutePath().resolve("rejects"), name,
        limits.rejectsShown())) {
      copyLimited(in(ctx), tmp);
      List<Declaration> rows = new ArrayList<>();
      LocalDate today = LocalDate.now();
      Set<String> seen = new HashSet<>();
      try (DeclarationReader reader = DeclarationReader.open(tmp, ColumnMapping.defaults(), rejects)) {
        long line = 1;
        while (reader.hasNext()) {
          Declaration d = reader.next();
          line = reader.rowsRead() + 1;
          checkRow(name, line, d, seen, rejects, platform.config().dates(), today);
          if (rejects.count() > 0) {
            // the batch is refused: keep reading only to count and file the rejects
            rows.clear();
            seen.clear();
          } else if (rows.size() == limits.maxBatchRows()) {
            throw new ApiException(413, "a batch may have at most " + limits.maxBatchRows() + " rows: split it");
          } else {
            rows.add(d);
          }
        }
      } catch (IllegalArgumentException e) {
        // the reader names the file it read: the client knows it by its own name, not our temp path
        throw new ApiException(422, String.valueOf(e.getMessage()).replace(tmp.toString(), name));
      }
      if (rejects.count() > 0) {
        rejects.close();
        throw new ApiException(422, rejects.count() + " rejected rows: the batch was not stored ("
            + (rejects.count() > rejects.first().size() ? "the first " + rejects.first().size() + " are listed; " : "")
            + "all are kept on the server as " + rejects.name() + ")", rejects.first());
      }
      rejects.discard();
      if (rows.isEmpty()) {
        throw new ApiException(422, "the batch has no rows");
      }
      List<DeclarationStore.Decided> decided = platform.decisions().decideBatch(rows, p.username());
      long batchId;
      try {
        batchId = platform.storeBatch(name, p.username(), decided);
      } catch (StoreException e) {
        if (e.isDuplicateKey()) {
          List<String> dup = platform.declarations().existing(rows.stream().map(Declaration::id).toList());
          throw new ApiException(409, dup.size() + " declarations are already stored: the batch was not stored",
              dup.stream().limit(100).toList());
        }
        throw e;
      }
      Map<String, Long> lanes = new LinkedHashMap<>();
      for (Lane l : Lane.values()) {
        lanes.put(l.label(), decided.stream().filter(d -> d.decision().lane() == l).count());
      }
      json(ctx, 201, Map.of("batchId", batchId, "stored", decided.size(), "lanes", lanes));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Checks what the reader cannot: ids unique in the batch, {@link InputChecks} on every row, and
   * lengths the store can hold.
   */
  private static void checkRow(String name, long line, Declaration d, Set<String> seen, RejectFile rejects,
      DateWindow dates, LocalDate today) {
    if (!seen.add(d.id())) {
      rejects.reject(new Reject(name, line, "Declaration ID", InputChecks.printable(d.id()), "duplicate id in the batch"));
    }
    for (InputChecks.Problem p : InputChecks.problems(d, dates, today)) {
      rejects.reject(new Reject(name, line, p.column(), p.value(), p.reason()));
    }
    if (d.id().length() > 64 || d.importerId().length() > 64 || d.declarantId().length() > 64
        || d.hsCode().length() > 16 || d.originCountry().length() > 8 || d.departureCountry().length() > 8) {
      rejects.reject(new Reject(name, line, "(row)", InputChecks.printable(d.id()), "a value is longer than the store allows"));
    }
  }

  private static void copyLimited(InputStream in, Path to) throws IOException {
    try (InputStream src = in; var out = Files.newOutputStream(to)) {
      src.transferTo(out);
    }
  }

  private void ingestOne(Context ctx) throws IOException {
    Declaration d = read(ctx, DeclarationInput.class).toDeclaration();
    List<InputChecks.Problem> problems = InputChecks.problems(d, platform.config().dates(), LocalDate.now());
    if (!problems.isEmpty()) {
      InputChecks.Problem p = problems.get(0);
      throw new ApiException(400, "field '" + p.field() + "': " + p.reason(), problems);
    }
    DeclarationStore.Decided decided = platform.decisions().decideOne(d, principal(ctx).username());
    try {
      platform.storeOne(decided);
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        throw new ApiException(409, "declaration " + d.id() + " is already stored");
      }
      throw e;
    }
    json(ctx, 201, decided.decision());
  }

  private void declaration(Context ctx) {
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.DECLARATION);
    CaseFile c = platform.declarations().find(id).orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noDeclaration", id)));
    // the declaration carries its recorded outcome, so its "fraud" says what the inspection found
    Declaration d = c.result().map(r -> c.declaration().withOutcome(
        new org.riskgate.core.InspectionOutcome(r.fraud(), r.critical()))).orElse(c.declaration());
    json(ctx, 200, Map.of("declaration", d, "decision", c.decision(),
        "result", c.result().map(Object.class::cast).orElse(Map.of())));
  }

  private void recordResult(Context ctx) throws IOException {
    JsonNode b = body(ctx);
    if (!b.has("fraud") || !b.get("fraud").isBoolean()) {
      throw new IllegalArgumentException("field 'fraud' is required (true or false)");
    }
    boolean fraud = b.get("fraud").asBoolean();
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.DECLARATION);
    InspectionResult r = new InspectionResult(id, fraud,
        b.has("critical") ? b.get("critical").asInt() : (fraud ? 1 : 0),
        b.has("amount") ? b.get("amount").asDouble() : 0,
        b.has("note") ? b.get("note").asText() : "", principal(ctx).username(), Instant.now());
    if (!platform.recordResult(r)) {
      throw new NotFoundException(Refusals.phrase("refused.noDeclaration", id));
    }
    json(ctx, 200, r);
  }

  /**
   * Parses queue filters from query parameters (shared with the web queue, which passes its own
   * default status and the user that {@code assignee=me} means).
   *
   * @param defaultStatus what an absent {@code status} means: {@code all} or {@code active}
   */
  public static QueueFilter filter(java.util.function.Function<String, Optional<String>> param, String defaultStatus,
      String me) {
    try {
      String status = param.apply("status").orElse(defaultStatus);
      Set<org.riskgate.server.store.CaseStatus> statuses = switch (status) {
        case "all" -> Set.of();
        case "active" -> QueueFilter.ACTIVE;
        default -> Set.of(org.riskgate.server.store.CaseStatus.parse(status));
      };
      return new QueueFilter(
          param.apply("lane").map(ApiRoutes::lane),
          param.apply("office"),
          param.apply("from").map(LocalDate::parse),
          param.apply("to").map(LocalDate::parse),
          param.apply("minScore").map(s -> OptionalDouble.of(Double.parseDouble(s))).orElse(OptionalDouble.empty()),
          statuses,
          param.apply("assignee").map(a -> a.equals("me") ? me : a),
          param.apply("sort").map(QueueFilter.Sort::parse).orElse(QueueFilter.Sort.SCORE),
          !param.apply("dir").orElse("desc").equals("asc"),
          param.apply("page").map(Integer::parseInt).orElse(1),
          param.apply("size").map(Integer::parseInt).orElse(50));
    } catch (DateTimeParseException e) {
      throw Refusals.refused("refused.dates");
    } catch (NumberFormatException e) {
      throw Refusals.refused("refused.numbers");
    }
  }

  private static Lane lane(String s) {
    for (Lane l : Lane.values()) {
      if (l.label().equalsIgnoreCase(s)) {
        return l;
      }
    }
    throw Refusals.refused("refused.lane");
  }

  /** A date from a query parameter; refused (400) with its name unless it is YYYY-MM-DD. */
  public static LocalDate date(String s, String name) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw Refusals.refused("refused.date", name);
    }
  }

  private static Optional<String> param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private void queue(Context ctx) {
    json(ctx, 200, platform.declarations().queue(filter(name -> param(ctx, name), "all", principal(ctx).username())));
  }

  /**
   * A party's profile (riskgate-profiles) as of {@code asOf} (default: the latest declared date in
   * the store, so that a store of past declarations is not judged as of today) and its stored
   * declarations in that role.
   */
  private void entity(Context ctx) {
    PartyRole role = ProfileService.role(ctx.pathParam("role"));
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.PARTY);
    LocalDate asOf = param(ctx, "asOf").map(s -> date(s, "asOf")).orElseGet(() -> defaultAsOf(platform));
    var profile = platform.profiles().profile(role, id, asOf);
    var rows = platform.declarations().byParty(role.key(), id, 200);
    if (profile.isEmpty() && rows.isEmpty()) {
      throw new NotFoundException(Refusals.phrase("refused.noPartyBefore", role.key(), id, asOf,
          Refusals.phrase("role." + role.key())));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("role", role.key());
    out.put("id", id);
    out.put("asOf", asOf);
    out.put("profile", profile.map(Object.class::cast).orElse(Map.of()));
    out.put("stored", PartyDeclarations.of(id, rows));
    json(ctx, 200, out);
  }

  private void network(Context ctx) throws IOException {
    json(ctx, 200, network(platform, ctx).orElseThrow(() -> new NotFoundException(
        Refusals.phrase("refused.notInNetwork", ctx.pathParam("role"), ctx.pathParam("id")))));
  }

  /**
   * The network around the party of a request's path, as of {@code asOf} (default {@link
   * #defaultAsOf}), {@code hops} links deep (default 2) and at most {@code limit} parties (default 60);
   * empty when the party had no declaration before that date.
   */
  public static Optional<PartyNetwork> network(Platform platform, Context ctx) throws IOException {
    PartyRole role = ProfileService.role(ctx.pathParam("role"));
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.PARTY);
    LocalDate asOf = param(ctx, "asOf").map(s -> date(s, "asOf")).orElseGet(() -> defaultAsOf(platform));
    int hops = bounded(ctx, "hops", 2, PartyNetwork.MAX_HOPS);
    int limit = bounded(ctx, "limit", 60, PartyNetwork.MAX_NODES);
    return platform.profiles().network(asOf).around(role, id, hops, limit).map(PartyNetwork::of);
  }

  private static int bounded(Context ctx, String name, int otherwise, int max) {
    int v;
    try {
      v = param(ctx, name).map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      throw Refusals.refused("refused.bounded", name, max);
    }
    if (v < 1 || v > max) {
      throw Refusals.refused("refused.bounded", name, max);
    }
    return v;
  }

  private void groups(Context ctx) throws IOException {
    var r = groups(platform, ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", r.query().from());
    out.put("to", r.query().to());
    out.put("declarations", r.declarations());
    out.put("measuredByFraud", r.measuredByFraud());
    out.put("overallRate", r.overallRate());
    out.put("tested", r.tested());
    out.put("groups", r.groups().stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", g.label());
      m.put("criteria", g.criteria().stream().map(c -> Map.of("dimension", c.dimension().key(), "value", c.value()))
          .toList());
      m.put("condition", g.condition());
      m.put("size", g.size());
      m.put("rate", g.rate());
      m.put("lift", g.lift());
      m.put("low", g.low());
      m.put("high", g.high());
      m.put("pValue", g.pValue());
      m.put("qValue", g.qValue());
      m.put("examples", g.examples());
      return m;
    }).toList());
    json(ctx, 200, out);
  }

  /**
   * The high-risk groups of the period {@code from}..{@code to} (default: the 90 days up to the
   * latest stored date), of at least {@code minSize} declarations (default 30), pairs of criteria
   * unless {@code single=true}, at most {@code limit} (default 20).
   */
  public static org.riskgate.profiles.groups.GroupReport groups(Platform platform, Context ctx) throws IOException {
    LocalDate to = param(ctx, "to").map(s -> date(s, "to")).orElseGet(() -> defaultAsOf(platform));
    LocalDate from = param(ctx, "from").map(s -> date(s, "from")).orElseGet(() -> to.minusDays(89));
    int minSize = bounded(ctx, "minSize", 30, 1_000_000);
    int limit = bounded(ctx, "limit", 20, 100);
    boolean single = param(ctx, "single").map("true"::equals).orElse(false);
    return platform.profiles().groups(new org.riskgate.profiles.groups.GroupQuery(from, to,
        List.of(org.riskgate.profiles.groups.Dimension.values()), single ? 1 : 2, minSize, 0.05, limit, 5));
  }

  /** The date party profiles are judged at when none is asked for: the latest declared date stored. */
  public static LocalDate defaultAsOf(Platform platform) {
    return platform.declarations().latestDate().orElseGet(LocalDate::now);
  }

  private void suggestHs(Context ctx) {
    String text = param(ctx, "text").orElseThrow(() -> new IllegalArgumentException("query parameter 'text' is required"));
    int k = param(ctx, "k").map(Integer::parseInt).orElse(5);
    json(ctx, 200, platform.hs().suggest(text, k));
  }

  private void uploadDocument(Context ctx) throws IOException {
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.DECLARATION);
    if (platform.declarations().find(id).isEmpty()) {
      throw new NotFoundException(Refusals.phrase("refused.noDeclaration", id));
    }
    String issuer = param(ctx, "issuer").orElseThrow(() -> new IllegalArgumentException("query parameter 'issuer' is required"));
    var doc = platform.documents().verify(id, issuer, param(ctx, "name").orElse("document"), in(ctx),
        principal(ctx).username());
    var lane = platform.recheckAfterDocuments(id, principal(ctx).username());
    json(ctx, 201, Map.of("id", doc.id(), "width", doc.width(), "height", doc.height(),
        "report", Json.MAPPER.readTree(doc.report()), "lane", lane));
  }

  private void documents(Context ctx) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var d : platform.documents().store().of(InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.DECLARATION))) {
      out.add(Map.of("id", d.id(), "issuer", d.issuer(), "fileName", d.fileName(), "width", d.width(),
          "height", d.height(), "report", Json.MAPPER.readTree(d.report()), "uploadedBy", d.uploadedBy()));
    }
    json(ctx, 200, out);
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
    sendImage(ctx, platform.documents().image(d));
  }

  /** Sends a kept image with the content type its bytes show. */
  public static void sendImage(Context ctx, Path file) throws IOException {
    ctx.header("X-Content-Type-Options", "nosniff").contentType(DocumentService.contentType(file))
        .result(Files.readAllBytes(file));
  }

  private void dashboard(Context ctx) {
    var d = platform.declarations().dashboard(platform.decisions().config().bundle().id(),
        param(ctx, "from").map(x -> date(x, "from")), param(ctx, "to").map(x -> date(x, "to")), param(ctx, "office"));
    json(ctx, 200, Map.of("laneMix", d.laneMix(), "hits", d.hits(), "drift", d.drift(),
        "hitRate", d.hitRate(), "recordedResults", d.ranked().size(), "inspections", d.inspections(),
        "randomPicks", Map.of("inspected", d.random().inspected(), "frauds", d.random().frauds(),
            "hitRate", nanToNull(d.random().hitRate())),
        "precisionAt", Map.of("10", nanToNull(d.precisionAt(10)), "50", nanToNull(d.precisionAt(50)),
            "100", nanToNull(d.precisionAt(100)))));
  }

  private static Object nanToNull(double v) {
    return Double.isNaN(v) ? "n/a" : v;
  }

  private void models(Context ctx) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var m : platform.models().all()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", m.id());
      e.put("trainer", m.trainer());
      e.put("active", m.active());
      e.put("provenance", Json.MAPPER.readTree(m.provenance()));
      e.put("evaluation", Json.MAPPER.readTree(m.evaluation()));
      out.add(e);
    }
    json(ctx, 200, out);
  }

  private void registerModel(Context ctx) throws IOException {
    String path = text(body(ctx), "path");
    try {
      json(ctx, 201, Map.of("id", platform.registerModel(Path.of(path), principal(ctx).username()).id()));
    } catch (IOException e) {
      throw new ApiException(400, "cannot register " + path + ": not a readable model bundle");
    }
  }

  private void activateModel(Context ctx) throws IOException {
    try {
      platform.activateModel(ctx.pathParam("id"), principal(ctx).username());
    } catch (IOException e) {
      throw new ApiException(409, "the bundle of " + ctx.pathParam("id") + " can no longer be read");
    }
    json(ctx, 200, Map.of("active", ctx.pathParam("id")));
  }

  private void capacity(Context ctx) {
    json(ctx, 200, Map.of("capacity", platform.decisions().config().capacity(),
        "thresholds", platform.decisions().config().thresholds()));
  }

  private void changeCapacity(Context ctx) throws IOException {
    Capacity c = read(ctx, Capacity.class);
    platform.changeCapacity(c, principal(ctx).username());
    capacity(ctx);
  }

  private void objective(Context ctx) {
    json(ctx, 200, Map.of("objective", platform.decisions().config().objective().label(),
        "thresholds", platform.decisions().config().thresholds()));
  }

  private void changeObjective(Context ctx) throws IOException {
    String name = body(ctx).path("objective").asText("");
    Objective o = Objective.named(name)
        .orElseThrow(() -> new ApiException(400, "objective must be frauds or revenue, not '" + name + "'"));
    platform.changeObjective(o, principal(ctx).username());
    objective(ctx);
  }

  private void rules(Context ctx) {
    json(ctx, 200, Map.of("rules", platform.decisions().config().rulesText()));
  }

  private void changeRules(Context ctx) throws IOException {
    platform.changeRules(text(body(ctx), "rules"), principal(ctx).username());
    rules(ctx);
  }

  private void watchlists(Context ctx) {
    json(ctx, 200, Map.of("watchlists", platform.watchlists().all().stream().map(w -> Map.of("name", w.name(),
        "kind", w.kind().label(), "description", w.description(), "entries", w.entries().size())).toList()));
  }

  private org.riskgate.selectivity.watch.Watchlist namedWatchlist(Context ctx) {
    String name = ctx.pathParam("name");
    return platform.watchlists().named(name).orElseThrow(() -> new NotFoundException(
        Refusals.phrase("refused.noWatchlistNamed", InputChecks.printable(name))));
  }

  private void watchlist(Context ctx) {
    json(ctx, 200, watchlistJson(namedWatchlist(ctx)));
  }

  private static Map<String, Object> watchlistJson(org.riskgate.selectivity.watch.Watchlist w) {
    return Map.of("name", w.name(), "kind", w.kind().label(), "description", w.description(),
        "entries", w.entries().stream().sorted().toList());
  }

  /** Creates or replaces a list: {@code {"kind": "importer", "description": "...", "entries": [...]}}. */
  private void putWatchlist(Context ctx) throws IOException {
    JsonNode b = body(ctx);
    String kind = text(b, "kind");
    JsonNode entries = b.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("field 'entries' is required (a list of text)");
    }
    java.util.Set<String> values = new java.util.LinkedHashSet<>();
    for (JsonNode e : entries) {
      if (!e.isTextual()) {
        throw new IllegalArgumentException("field 'entries' holds text only");
      }
      values.add(e.asText());
    }
    JsonNode description = b.get("description");
    var w = new org.riskgate.selectivity.watch.Watchlist(ctx.pathParam("name"),
        org.riskgate.selectivity.watch.Watchlist.Kind.named(kind).orElseThrow(() -> new IllegalArgumentException(
            "field 'kind' is importer, declarant, seller, company, country or hs")),
        description == null || description.isNull() ? "" : description.asText(), values);
    boolean existed = platform.putWatchlist(w, principal(ctx).username());
    json(ctx, existed ? 200 : 201, watchlistJson(w));
  }

  private void deleteWatchlist(Context ctx) {
    var w = namedWatchlist(ctx);
    platform.deleteWatchlist(w.name(), principal(ctx).username());
    ctx.status(204);
  }

  /** A page of the audit log, newest first, filtered by user, kind, subject and days. */
  private void audit(Context ctx) {
    json(ctx, 200, AuditLog.search(platform.db(), auditQuery(ctx)));
  }

  /** The audit filters of a request: actor, kind, subject, from, to (days, UTC), page, size (default 100). */
  public static org.riskgate.server.store.AuditQuery auditQuery(Context ctx) {
    try {
      return new org.riskgate.server.store.AuditQuery(param(ctx, "actor"), param(ctx, "kind"), param(ctx, "subject"),
          param(ctx, "from").map(s -> date(s, "from")), param(ctx, "to").map(s -> date(s, "to")),
          param(ctx, "page").map(Integer::parseInt).orElse(1), param(ctx, "size").map(Integer::parseInt).orElse(100));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("page and size must be whole numbers");
    }
  }

  /**
   * An analyst's query over the lake.
   *
   * @param limit the most rows returned; the data lab's default when absent
   * @param seconds the time limit; the data lab's default when absent
   */
  public record SqlRequest(String sql, Integer limit, Integer seconds) {}

  private void sql(Context ctx) throws IOException {
    SqlRequest q = read(ctx, SqlRequest.class);
    if (q.sql() == null) {
      throw new IllegalArgumentException("field 'sql' is required (text)");
    }
    var defaults = org.riskgate.server.lab.DataLab.Limits.defaults();
    var limits = new org.riskgate.server.lab.DataLab.Limits(Optional.ofNullable(q.limit()).orElse(defaults.rows()),
        Optional.ofNullable(q.seconds()).orElse(defaults.seconds()));
    json(ctx, 200, platform.lab().run(principal(ctx).username(), q.sql(), limits));
  }

  private void createUser(Context ctx) throws IOException {
    JsonNode b = body(ctx);
    platform.auth().createUser(text(b, "username"), text(b, "password"), Role.parse(text(b, "role")),
        true, principal(ctx).username());
    json(ctx, 201, Map.of("username", text(b, "username")));
  }
}
