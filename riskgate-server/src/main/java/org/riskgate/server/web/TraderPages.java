package org.riskgate.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.profiles.PartyRole;
import org.riskgate.server.NotFoundException;
import org.riskgate.server.Platform;
import org.riskgate.server.Refusals;
import org.riskgate.server.api.ApiRoutes;
import org.riskgate.server.api.InputChecks;
import org.riskgate.server.api.PartyNetwork;
import org.riskgate.server.auth.Role;
import org.riskgate.server.checks.ProfileService;

/**
 * The pages around traders beyond their profile: the network around a party, the high-risk
 * groups of a period, and the watchlists a group can become.
 */
final class TraderPages {
  private final Platform platform;
  private final WebRoutes web;

  TraderPages(Platform platform, WebRoutes web) {
    this.platform = platform;
    this.web = web;
  }

  /** Adds the pages' routes. */
  void register(RoutesConfig r) {
    r.get("/entities/{role}/{id}/network", this::network);
    r.get("/groups", this::groups);
    r.get("/watchlists", this::watchlists);
    r.get("/watchlists/new", this::newWatchlist);
    r.get("/watchlists/{name}", this::editWatchlist);
    r.post("/watchlists", this::saveWatchlist);
    r.post("/watchlists/{name}/delete", this::deleteWatchlist);
  }

  /**
   * The network around a party, drawn (ECharts' force layout) and as tables: the same figures as
   * {@code GET /api/v1/entities/{role}/{id}/network}.
   */
  private void network(Context ctx) throws IOException {
    Optional<PartyNetwork> found = ApiRoutes.network(platform, ctx);
    PartyRole role = ProfileService.role(ctx.pathParam("role"));
    String id = InputChecks.id(ctx.pathParam("id"), InputChecks.IdOf.PARTY);
    Messages m = web.messages(ctx);
    int hops = Optional.ofNullable(ctx.queryParam("hops")).map(Integer::parseInt).orElse(2);
    int limit = Optional.ofNullable(ctx.queryParam("limit")).map(Integer::parseInt).orElse(60);
    LocalDate asOf = Optional.ofNullable(ctx.queryParam("asOf")).filter(t -> !t.isBlank())
        .map(t -> ApiRoutes.date(t, "asOf")).orElseGet(() -> ApiRoutes.defaultAsOf(platform));
    Page page = web.page(ctx, "network.title", "queue", m.t("role." + role.key()), id);
    if (found.isEmpty()) {
      // the page with its date form, so that another date is one step away
      ctx.status(404);
      web.render(ctx, "network.jte", new Views.Network(page, role.key(), id, asOf, hops, limit, Optional.empty(), "{}",
          m.t("network.absent", m.t("role." + role.key()), id, m.date(asOf))));
      return;
    }
    PartyNetwork n = found.get();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (PartyNetwork.Node p : n.nodes()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", p.id());
      node.put("role", m.t("role." + p.role()));
      node.put("kind", p.role());
      node.put("degree", p.degree());
      node.put("frauds", p.frauds());
      node.put("inspected", p.inspected());
      node.put("community", p.community());
      node.put("ring", p.ring());
      node.put("href", Views.path("entities", p.role(), p.id(), "network"));
      nodes.add(node);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("nodes", nodes);
    chart.put("links", n.links());
    // the communities most shown get colours of their own; the rest share one
    chart.put("communities", n.communities().stream().sorted(java.util.Comparator.comparingInt(
        PartyNetwork.Community::shown).reversed()).limit(8).map(PartyNetwork.Community::community).toList());
    chart.put("labels", Map.of("other", m.t("network.otherCommunity"), "community", m.t("network.community"),
        "frauds", m.t("party.frauds"), "inspected", m.t("party.inspected"), "ring", m.t("network.ring")));
    long frauds = n.nodes().stream().filter(p -> p.frauds() > 0).count();
    long rings = n.nodes().stream().filter(PartyNetwork.Node::ring).count();
    String summary = m.t("network.summary", m.t("role." + role.key()), id, m.integer(n.nodes().size()),
        m.integer(n.links().size()), m.integer(n.communities().size()), m.integer(frauds), m.integer(rings));
    web.render(ctx, "network.jte", new Views.Network(page, role.key(), id, n.asOf(), hops, limit, Optional.of(n),
        WebRoutes.scriptJson(chart), summary));
  }

  /** The high-risk groups of a period; supervisors turn one into a rule draft or a watchlist. */
  private void groups(Context ctx) throws IOException {
    Views.Params form = WebRoutes.params(ctx, Views.Params.GROUPS);
    var report = ApiRoutes.groups(platform, ctx);
    String owner = WebRoutes.session(ctx).principal().username();
    LocalDate to = report.query().to();
    List<Views.Group> groups = report.groups().stream().map(g -> new Views.Group(g,
        g.toRule(owner, to.plusDays(1), to.plusDays(GROUP_RULE_DAYS), GROUP_RULE_ADD),
        Views.Group.watchlist(g, web.messages(ctx))))
        .toList();
    web.render(ctx, "groups.jte", new Views.Groups(web.page(ctx, "groups.title", "groups"), report, groups, form,
        WebRoutes.session(ctx).principal().role().allows(Role.SUPERVISOR)));
  }

  /** Days a rule drafted from a group is valid after the period, as {@code riskgate groups --rule-days}. */
  private static final int GROUP_RULE_DAYS = 90;
  /** Score a rule drafted from a group adds, as {@code riskgate groups --add}. */
  private static final double GROUP_RULE_ADD = 0.1;

  private void watchlists(Context ctx) {
    web.render(ctx, "watchlists.jte", new Views.Watchlists(web.page(ctx, "watchlists.title", "watchlists"),
        platform.watchlists().all(), WebRoutes.session(ctx).principal().role().allows(Role.SUPERVISOR)));
  }

  /** The editor for a new list, prefilled from the query (a high-risk group's values). */
  private void newWatchlist(Context ctx) {
    web.requireSupervisor(ctx);
    editor(ctx, new Views.WatchlistForm(true, q(ctx, "name"), q(ctx, "kind"), q(ctx, "description"),
        q(ctx, "entries")), "");
  }

  private static String q(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).orElse("");
  }

  private void editWatchlist(Context ctx) {
    web.requireSupervisor(ctx);
    String name = ctx.pathParam("name");
    var w = platform.watchlists().named(name).orElseThrow(() ->
        new NotFoundException(Refusals.phrase("refused.noWatchlist")));
    editor(ctx, new Views.WatchlistForm(false, w.name(), w.kind().label(), w.description(),
        String.join("\n", w.entries().stream().sorted().toList())), "");
  }

  private void editor(Context ctx, Views.WatchlistForm form, String error) {
    web.render(ctx, "watchlist.jte", new Views.WatchlistEditor(web.page(ctx, "watchlists.editTitle", "watchlists"), form,
        error));
  }

  /** Creates or replaces a list; a refused one stays in the form as typed, with the reason. */
  private void saveWatchlist(Context ctx) {
    web.requireSupervisor(ctx);
    Views.WatchlistForm form = new Views.WatchlistForm("true".equals(ctx.formParam("creating")),
        Optional.ofNullable(ctx.formParam("name")).orElse("").strip(),
        Optional.ofNullable(ctx.formParam("kind")).orElse(""),
        Optional.ofNullable(ctx.formParam("description")).orElse("").strip(),
        Optional.ofNullable(ctx.formParam("entries")).orElse(""));
    try {
      if (form.creating() && platform.watchlists().named(form.name()).isPresent()) {
        throw new IllegalArgumentException(web.messages(ctx).t("watchlists.exists", form.name()));
      }
      var kind = org.riskgate.selectivity.watch.Watchlist.Kind.named(form.kind()).orElseThrow(() ->
          new IllegalArgumentException(web.messages(ctx).t("watchlists.badKind")));
      platform.putWatchlist(new org.riskgate.selectivity.watch.Watchlist(form.name(), kind, form.description(),
          form.entryList()), WebRoutes.session(ctx).principal().username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      editor(ctx, form, web.messages(ctx).refusal(e));
      return;
    } catch (org.riskgate.server.api.ApiException e) {
      ctx.status(e.status());
      editor(ctx, form, web.messages(ctx).refusal(e));
      return;
    }
    ctx.redirect("/watchlists");
  }

  private void deleteWatchlist(Context ctx) {
    web.requireSupervisor(ctx);
    String name = ctx.pathParam("name");
    var w = platform.watchlists().named(name).orElseThrow(() ->
        new NotFoundException(Refusals.phrase("refused.noWatchlist")));
    try {
      platform.deleteWatchlist(w.name(), WebRoutes.session(ctx).principal().username());
    } catch (org.riskgate.server.api.ApiException e) {
      ctx.status(e.status());
      editor(ctx, new Views.WatchlistForm(false, w.name(), w.kind().label(), w.description(),
          String.join("\n", w.entries().stream().sorted().toList())), web.messages(ctx).refusal(e));
      return;
    }
    ctx.redirect("/watchlists");
  }
}
