package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * Finding 1 of issue 13: a declaration id must not steer a link or a form. Hostile ids are
 * offered through every entry (CSV batch, JSON, path parameters) and refused; ids already in a
 * store (written before the checks) are rendered, and every link and form action of the pages
 * that show them must resolve, in the browser's own way, to the route it names with the id as
 * one whole path segment.
 */
class HostileIdTest {
  /** The probe's id, and others that break out of a path segment or a query. */
  static final List<String> HOSTILE = List.of("y/../../../settings/rules?", "..", ".", "a?b=1#frag",
      "x\u0000y", "tab\tid", "%2e%2e", "q\"><img src=x>", "space id", "\u00fcmlaut", "a".repeat(65), "-lead",
      "line\nbreak", "back\\slash");
  private static final List<String> ID_COLUMNS = List.of("Declaration ID", "Importer ID", "Declarant ID",
      "Seller ID", "Courier ID", "Office ID");
  private static final List<String> ID_FIELDS = List.of("id", "importerId", "declarantId", "sellerId",
      "courierId", "officeId");
  private static final String HEADER = "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,"
      + "Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,"
      + "Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price";
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    s = TestServer.start(Files.createTempDirectory("riskgate-ids"), Optional.empty(), 1 << 20, false);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  private static String csv(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** A CSV row whose id columns are the given values, in {@link #ID_COLUMNS} order. */
  private static String row(String id, String importer, String declarant, String seller, String courier,
      String office) {
    return String.join(",", csv(id), LocalDate.now().toString(), csv(office), "B", "11", "21", "11", "10",
        csv(declarant), csv(importer), csv(seller), csv(courier), "440890", "BE", "BE", "8", "A", "G", "108",
        "372254.4");
  }

  @Test
  void csvBatchesRefuseHostileValuesInEveryIdColumn() throws Exception {
    long stored = s.platform.declarations().count();
    int n = 0;
    for (String bad : HOSTILE) {
      for (int col = 0; col < ID_COLUMNS.size(); col++) {
        String[] v = {"OK" + n, "IMP1", "DCL1", "SEL1", "", "30"};
        v[col] = bad;
        String body = HEADER + "\n" + row("GOOD" + n, "IMP1", "DCL1", "", "", "30") + "\n"
            + row(v[0], v[1], v[2], v[3], v[4], v[5]) + "\n";
        HttpResponse<String> r = s.send("POST", "/api/v1/batches?name=ids.csv", s.tokens.get(Role.ANALYST),
            "text/csv", body);
        String what = ID_COLUMNS.get(col) + " = " + bad;
        // an id with a line break is a malformed row for the reader itself; still 422
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(422);
        if (!bad.contains("\n")) {
          assertThat(r.body()).as(what).contains("\"field\":\"" + ID_COLUMNS.get(col) + "\"");
        }
        assertThat(s.platform.declarations().existing(List.of("GOOD" + n, "OK" + n))).as(what).isEmpty();
        assertThat(s.platform.declarations().count()).as(what).isEqualTo(stored);
        n++;
      }
    }
  }

  @Test
  void jsonDeclarationsRefuseHostileValuesInEveryIdField() throws Exception {
    long stored = s.platform.declarations().count();
    int n = 0;
    for (String bad : HOSTILE) {
      for (String field : ID_FIELDS) {
        String[] v = {"J" + n, "IMP1", "DCL1", "SEL1", "", "30"};
        v[ID_FIELDS.indexOf(field)] = bad;
        StringBuilder json = new StringBuilder("{\"date\":\"" + LocalDate.now() + "\",\"hsCode\":\"440890\","
            + "\"taxRate\":8,\"netMass\":10,\"itemPrice\":100");
        for (int i = 0; i < ID_FIELDS.size(); i++) {
          json.append(",\"").append(ID_FIELDS.get(i)).append("\":")
              .append(org.riskgate.server.Json.write(v[i]));
        }
        HttpResponse<String> r = s.post("/api/v1/declarations", Role.ANALYST, json.append('}').toString());
        assertThat(r.statusCode()).as(field + " = " + bad + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).as(field).contains("'" + field + "'");
        assertThat(s.platform.declarations().count()).as(field + " = " + bad).isEqualTo(stored);
        n++;
      }
    }
  }

  @Test
  void pathParametersRefuseHostileIds() throws Exception {
    WebSession web = WebSession.login(s, "sue");
    for (String bad : HOSTILE) {
      if (bad.equals(".") || bad.equals("..")) {
        continue;   // a dot segment never reaches a handler: the client and Jetty resolve it first
      }
      String seg = Views.path(bad).substring(1);
      for (HttpResponse<String> r : List.of(
          again(() -> s.get("/api/v1/declarations/" + seg, Role.ANALYST)),
          again(() -> s.put("/api/v1/declarations/" + seg + "/result", Role.ANALYST, "{\"fraud\":false}")),
          again(() -> s.get("/api/v1/entities/importer/" + seg, Role.ANALYST)),
          again(() -> s.get("/api/v1/declarations/" + seg + "/documents", Role.ANALYST)),
          again(() -> web.get("/declarations/" + seg)),
          again(() -> web.get("/entities/importer/" + seg)),
          again(() -> s.get("/api/v1/entities/importer/" + seg + "/network", Role.ANALYST)),
          again(() -> web.get("/entities/importer/" + seg + "/network")),
          again(() -> web.get("/watchlists/" + seg)))) {
        assertThat(r.statusCode()).as(bad + " at " + r.uri() + ": " + r.body()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
      }
    }
  }

  /** A request that may be sent again (idempotent, or refused anyway). */
  private interface Request {
    HttpResponse<String> send() throws Exception;
  }

  /**
   * Sends a request, once more if the connection it was given had just been closed: Jetty closes
   * the connection after refusing a malformed URI, and a pooled client can pick it up in between.
   */
  private static HttpResponse<String> again(Request r) throws Exception {
    try {
      return r.send();
    } catch (java.io.IOException e) {
      return r.send();
    }
  }

  /** A declaration as a store from before the checks may hold it: hostile ids, written directly. */
  private static Declaration legacy(String id, String importer, String declarant) {
    return new Declaration(id, LocalDate.of(2021, 4, 1), "LEGACY", "B", "11", "21", "11", "10", declarant, importer,
        "", "", "440890", "BE", "BE", 8, "A", "G", 108, 372254.4, Optional.empty(), OptionalDouble.empty(), "");
  }

  @Test
  void everyLinkAndFormActionStaysInItsRoute() throws Exception {
    Set<String> ids = new HashSet<>();
    Set<String> parties = new HashSet<>(Set.of(""));
    for (String bad : HOSTILE) {
      if (bad.equals(".") || bad.equals("..") || bad.length() > 64) {
        continue;   // no store held these: a segment the browser always resolves, a column too short
      }
      s.platform.declarations().storeOne(s.platform.decisions().decideOne(legacy(bad, "P" + bad, bad), "legacy"));
      ids.add(bad);
      parties.add("P" + bad);
      parties.add(bad);
    }
    WebSession web = WebSession.login(s, "sue");
    List<String> pages = new ArrayList<>(List.of("/queue?office=LEGACY&size=100"));
    int checked = 0;
    for (String id : ids) {
      pages.add(Views.path("declarations", id));
      pages.add(Views.path("entities", "importer", "P" + id));
      // the day after the stored ones: the network holds what was declared before its date
      pages.add(Views.path("entities", "importer", "P" + id, "network") + "?asOf=2021-04-02");
      pages.add(Views.path("entities", "declarant", id, "network") + "?asOf=2021-04-02");
    }
    pages.addAll(List.of("/groups?from=2021-04-01&to=2021-04-01&minSize=1", "/watchlists", "/watchlists/new",
        "/documents"));
    for (String page : pages) {
      HttpResponse<String> r = web.get(page);
      URI at = r.uri();
      String html = r.body();
      if (page.startsWith("/declarations/")) {
        // the route now refuses ids outside the alphabet (400); the page's template must still
        // link safely, so it is rendered here as the route would render it
        String id = decode(page.substring("/declarations/".length()));
        assertThat(r.statusCode()).as(page).isEqualTo(InputChecksProbe.valid(id) ? 200 : 400);
        html = renderCase(id);
      } else if (page.startsWith("/entities/") && r.statusCode() == 400) {
        continue;
      } else {
        assertThat(r.statusCode()).as(page + ": " + r.body()).isEqualTo(200);
      }
      Document doc = Jsoup.parse(html);
      for (Element e : doc.select("a[href], form[action], image[href], link[href], script[src]")) {
        String attr = e.hasAttr("action") ? "action" : e.hasAttr("src") ? "src" : "href";
        URI target = at.resolve(e.attr(attr));
        assertThat(target.getRawAuthority()).as(page + ": " + e).isEqualTo(at.getRawAuthority());
        List<String> seg = segments(target);
        assertThat(route(seg, ids, parties)).as(page + " links to " + target + " (" + seg + ")").isTrue();
        // the queue, the audit log and the exports keep their filters in the query, a party's
        // pages their date; nothing else has one
        if (e.attr(attr).startsWith("#")) {
          // a link within the page (the skip link) keeps the page's own query
          assertThat(target.getRawQuery()).isEqualTo(at.getRawQuery());
        } else if (seg.get(0).equals("entities")) {
          assertThat(target.getRawQuery()).as(page + ": " + e).satisfiesAnyOf(q -> assertThat(q).isNull(),
              q -> assertThat(q).matches("asOf=\\d{4}-\\d{2}-\\d{2}"));
        } else if (!Set.of("queue", "results", "audit").contains(seg.get(0))) {
          assertThat(target.getRawQuery()).as(page + ": " + e).isNull();
        }
        checked++;
      }
      if (page.startsWith("/declarations/")) {
        String id = decode(page.substring("/declarations/".length()));
        Element form = doc.selectFirst("form.result");
        assertThat(form).as(page).isNotNull();
        assertThat(segments(at.resolve(form.attr("action")))).isEqualTo(List.of("declarations", id, "result"));
      }
    }
    // the probe's click: a supervisor's "no fraud" on the hostile declaration's form
    String probe = HOSTILE.get(0);
    String rules = s.platform.decisions().config().rulesText();
    s.platform.changeRules("rule \"keep\" when hs6 = \"999999\" then lane red, reason \"kept\"", "sue");
    Element form = Jsoup.parse(renderCase(probe)).selectFirst("form.result");
    String token = Jsoup.parse(web.get("/settings").body()).selectFirst("input[name=_csrf]").attr("value");
    int status = web.form(form.attr("action"), "fraud=false&_csrf=" + token).statusCode();
    assertThat(status).isIn(400, 404);
    assertThat(s.platform.decisions().config().rulesText()).contains("keep");
    s.platform.changeRules(rules, "sue");
    assertThat(checked).isGreaterThan(50);
  }

  private static final Messages EN = Messages.of(java.util.Locale.ENGLISH);

  /** The declaration page as its route renders it, for any stored id. */
  private static String renderCase(String id) {
    var c = s.platform.declarations().find(id).orElseThrow();
    var out = new gg.jte.output.StringOutput();
    gg.jte.TemplateEngine.createPrecompiled(gg.jte.ContentType.Html).render("declaration.jte",
        new Views.Case(new Page("Declaration", "sue", "supervisor", "token", "queue", EN, "/queue"), c, "{}", "",
            s.platform.hs().path(c.declaration().hsCode()), Optional.empty(), "", List.of(), List.of(),
            Codes.of(c.declaration(), EN), List.of(), Views.ResultForm.EMPTY,
            Optional.of(new Views.CaseView(new org.riskgate.server.store.CaseStore.CaseState(
                org.riskgate.server.store.CaseStatus.OPEN, Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(), List.of(), "", Optional.of(id), List.of("sue"), List.of())),
            s.platform.similar().of(c.declaration(), 5)), out);
    return out.toString();
  }

  /** Whether the server's own check takes an id. */
  private static final class InputChecksProbe {
    static boolean valid(String id) {
      try {
        org.riskgate.server.api.InputChecks.id(id, org.riskgate.server.api.InputChecks.IdOf.DECLARATION);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The decoded segments of a URL's path, as the router sees them. */
  private static List<String> segments(URI u) {
    String raw = u.getRawPath();
    List<String> out = new ArrayList<>();
    for (String part : raw.substring(1).split("/", -1)) {
      out.add(decode(part));
    }
    return out;
  }

  /** Whether a link is one of the UI's routes, with ids among those stored. */
  private static boolean route(List<String> s, Set<String> ids, Set<String> parties) {
    String head = s.get(0);
    if (head.equals("static") || head.equals("webjars")) {
      return true;
    }
    return switch (s.size()) {
      case 1 -> Set.of("queue", "dashboard", "models", "sql", "access", "settings", "logout", "login", "password",
          "parties", "language", "audit", "cases", "groups", "watchlists", "documents").contains(head);
      case 2 -> head.equals("declarations") && ids.contains(s.get(1))
          || Set.of("queue", "results", "audit").contains(head) && s.get(1).equals("export")
          || head.equals("watchlists") && s.get(1).equals("new")
          || head.equals("settings") && s.get(1).equals("rules")
          || head.equals("queue") && s.get(1).equals("views")
          || head.equals("attachments") && DIGITS.matcher(s.get(1)).matches();
      case 3 -> head.equals("declarations") && ids.contains(s.get(1))
              && Set.of("result", "documents", "case", "comments", "attachments").contains(s.get(2))
          || head.equals("entities") && Set.of("importer", "declarant", "seller", "courier").contains(s.get(1))
              && parties.contains(s.get(2))
          || head.equals("documents") && DIGITS.matcher(s.get(1)).matches() && s.get(2).equals("image");
      case 4 -> head.equals("queue") && s.get(1).equals("views") && DIGITS.matcher(s.get(2)).matches()
              && s.get(3).equals("delete")
          || head.equals("entities") && Set.of("importer", "declarant", "seller", "courier").contains(s.get(1))
          && parties.contains(s.get(2)) && s.get(3).equals("network");
      default -> false;
    };
  }

  /** A logged-in browser: cookie jar, login through the form (with its token). */
  static final class WebSession {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    final TestServer server;

    WebSession(TestServer server) {
      this.server = server;
    }

    static WebSession login(TestServer s, String user) throws Exception {
      WebSession w = new WebSession(s);
      Document login = Jsoup.parse(w.get("/login").body());
      String token = login.selectFirst("input[name=_csrf]").attr("value");
      assertThat(w.form("/login", "username=" + user + "&password=" + TestServer.PASSWORD + "&_csrf=" + token)
          .statusCode()).isEqualTo(302);
      return w;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(server.base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String body) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(server.base).resolve(path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
