package org.riskgate.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsNode;
import org.riskgate.hs.Suggestion;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.server.checks.DocumentReport;
import org.riskgate.server.api.PartyDeclarations;
import org.riskgate.server.store.CaseFile;
import org.riskgate.server.store.ModelRecord;
import org.riskgate.server.store.QueuePage;

/** The values each template is rendered from: one record per page. */
public final class Views {
  private Views() {}

  /**
   * The login form.
   *
   * @param csrf the login form's token, also sent as a cookie
   */
  public record Login(String error, String csrf, Messages m, String resume, List<Kept> kept) {
    /** The plain login form. */
    public Login(String error, String csrf, Messages m) {
      this(error, csrf, m, "", List.of());
    }

    public Login {
      kept = List.copyOf(kept);
    }
  }

  /** A field of a form sent after the session had ended, kept through the login that follows. */
  public record Kept(String name, String value) {}

  /**
   * After a login that interrupted a form: the form again, as it was typed, with the new
   * session's token, one click from being sent.
   *
   * @param action the path the form was posted to
   */
  public record Resume(Page page, String action, List<Kept> kept) {
    public Resume {
      kept = List.copyOf(kept);
    }
  }

  /**
   * An error page.
   *
   * @param home where the page's link goes: the queue, or the login form without a session
   */
  public record ErrorPage(Messages m, int status, String message, String home) {}

  /** The forced change of a one-time password. */
  public record Password(Page page, String error) {}

  /**
   * The queue with its filters as typed.
   *
   * @param offices the offices of stored declarations, for the office filter
   * @param users the users a case can be assigned to
   * @param views the user's saved views
   */
  public record Queue(Page page, QueuePage queue, Params form, List<String> offices, List<String> users,
      List<SavedView> views) {}

  /**
   * One of the user's saved views of the queue.
   *
   * @param query the view's filters, encoded again from their values when the page is made
   */
  public record SavedView(long id, String name, String query) {}

  /**
   * A page's query parameters as the request gave them, to build links that keep them.
   *
   * @param keys the parameters the page reads, in the order links carry them
   */
  public record Params(List<String> keys, Map<String, String> values) {
    /** The queue's parameters. */
    public static final List<String> QUEUE = List.of("lane", "office", "from", "to", "minScore", "status", "assignee",
        "sort", "dir", "size", "page");
    /** The dashboard's parameters. */
    public static final List<String> DASHBOARD = List.of("from", "to", "office");
    /** The audit page's parameters. */
    public static final List<String> AUDIT = List.of("actor", "kind", "subject", "from", "to", "size", "page");
    /** The high-risk groups page's parameters. */
    public static final List<String> GROUPS = List.of("from", "to", "minSize", "single", "limit");

    public Params {
      keys = List.copyOf(keys);
      values = Map.copyOf(values);
    }

    /** A parameter as typed, empty when absent. */
    public String get(String key) {
      return values.getOrDefault(key, "");
    }

    /**
     * The query string of these parameters with some replaced ({@code key, value, key, value...};
     * an empty value drops the key), each value percent-encoded.
     */
    public String query(String... overrides) {
      Map<String, String> v = new java.util.HashMap<>(values);
      for (int i = 0; i + 1 < overrides.length; i += 2) {
        v.put(overrides[i], overrides[i + 1]);
      }
      StringBuilder b = new StringBuilder();
      for (String k : keys) {
        String x = v.get(k);
        if (x != null && !x.isEmpty()) {
          b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(x, StandardCharsets.UTF_8));
        }
      }
      return b.toString();
    }

    /** The link of a column header: sorts by it, descending first, the other way when it is the sort already. */
    public String sortQuery(String column) {
      boolean current = get("sort").equals(column) || get("sort").isEmpty() && column.equals("score");
      String dir = current && !get("dir").equals("asc") ? "asc" : "desc";
      return query("sort", column, "dir", dir, "page", "");
    }

    /** {@code aria-sort} of a column header. */
    public String ariaSort(String column) {
      boolean current = get("sort").equals(column) || get("sort").isEmpty() && column.equals("score");
      return !current ? null : get("dir").equals("asc") ? "ascending" : "descending";
    }
  }

  /**
   * One declaration.
   *
   * @param hsPath the declared code's chapter, heading and subheading
   * @param hsCheck the declared code checked against the description, when there is one
   * @param describe what the analyst typed to get HS suggestions
   * @param suggestions HS suggestions for {@code describe}
   * @param documents attached scans with their check
   * @param codes the coded fields, spelled out where the bundle knows the value
   * @param context the decision's fields that the page does not show on their own (what a newer
   *     decider adds appears here without a change of template)
   * @param form the result form's values
   * @param caseView the case around a red or yellow declaration
   * @param similar inspected declarations of earlier days most like this one, nearest first
   */
  public record Case(Page page, CaseFile file, String chartJson, String error, List<HsNode> hsPath,
      Optional<HsCheck> hsCheck, String describe, List<Suggestion> suggestions, List<Doc> documents,
      List<Codes.Code> codes, List<Map.Entry<String, String>> context, ResultForm form, Optional<CaseView> caseView,
      List<org.riskgate.risk.similar.Neighbours.Neighbour> similar) {}

  /**
   * The case around a red or yellow declaration.
   *
   * @param history the audit entries about the declaration, newest first
   * @param back the query of the queue the analyst came from
   * @param next the next case of that queue, if any
   * @param users who a case can be assigned to
   * @param attachments files attached to the case
   */
  public record CaseView(org.riskgate.server.store.CaseStore.CaseState state,
      List<org.riskgate.server.store.CaseStore.Comment> comments, List<org.riskgate.server.store.AuditEntry> history,
      String back, Optional<String> next, List<String> users,
      List<org.riskgate.server.store.Attachments.Attachment> attachments) {}

  /**
   * The audit log page.
   *
   * @param kinds the kinds the log holds, for the filter
   */
  public record Audit(Page page, org.riskgate.server.store.AuditPage entries, Params form, List<String> kinds) {}

  /**
   * The result form's fields: as typed after a refusal, the recorded result for a correction,
   * or empty.
   */
  public record ResultForm(String fraud, String critical, String amount, String note) {
    /** Nothing chosen yet. */
    public static final ResultForm EMPTY = new ResultForm("", "1", "", "");
  }

  /** The latest checked documents of every declaration, newest first. */
  public record Documents(Page page, List<StoredCheck> documents) {}

  /** A stored document with its check. */
  public record StoredCheck(org.riskgate.server.store.StoredDocument document, DocumentReport report) {}

  /** An attached document and its check, boxes in page pixels. */
  public record Doc(long id, String fileName, int width, int height, DocumentReport report) {}

  /** A party's page: its profile as of a date and its stored declarations in that role. */
  public record Entity(Page page, String role, String id, java.time.LocalDate asOf, Optional<PartyProfile> profile,
      Optional<PartyDeclarations> stored) {}

  /**
   * The trader network around a party.
   *
   * @param network empty when the party had no declaration before the date
   * @param chartJson the drawing's nodes, links and links to each party's page, for the script
   * @param summary the drawing's text alternative, or why there is no drawing
   */
  public record Network(Page page, String role, String id, java.time.LocalDate asOf, int hops, int limit,
      Optional<org.riskgate.server.api.PartyNetwork> network, String chartJson, String summary) {}

  /** The party search and what it found. */
  public record Parties(Page page, String query, List<org.riskgate.server.store.PartyHit> found) {}

  /** The dashboard, its figures as JSON for the charts. */
  public record Dashboard(Page page, String chartJson, org.riskgate.server.store.Dashboard figures, String bundleId,
      List<String> summaries, Params form, List<String> offices, org.riskgate.server.store.Outcomes outcomes,
      Optional<Drift> drift) {}

  /**
   * The drift alarm card: the active model's inputs and score on stored weeks against its
   * training period (supervisors only, as the drift API).
   *
   * @param problem why drift could not be measured, empty when it was
   * @param weeksAlarmed the Mondays of the weeks that raised an alarm
   * @param worst the features (and score) that moved most, largest PSI first
   */
  public record Drift(String problem, boolean alarm, int weeks, List<java.time.LocalDate> weeksAlarmed,
      List<org.riskgate.risk.drift.DriftReport.Measure> worst) {}

  /** Registered models. */
  public record Models(Page page, List<ModelRecord> models, List<String> metrics) {}


  /**
   * Capacity and rules, editable by supervisors.
   *
   * @param thresholds the single-declaration thresholds the capacity gives on recent traffic
   * @param rules the rules text in force, or as typed when it was refused
   * @param problems where a refused rules text is wrong, by line and column
   * @param backtest the replay of a draft over the stored declarations, when one was asked for
   */
  public record Settings(Page page, org.riskgate.selectivity.Capacity capacity,
      org.riskgate.risk.Objective objective, String thresholds, String rules, boolean canEdit, String message,
      List<org.riskgate.selectivity.rules.RuleProblem> problems,
      Optional<org.riskgate.selectivity.rules.BacktestReport> backtest) {}

  /**
   * The SQL page.
   *
   * @param lake whether the server has a lake to query
   * @param sql the query as typed, kept when it is refused
   * @param rows the row limit as typed
   * @param seconds the time limit as typed
   * @param name the name to save the query under
   * @param answer the answer, when the query ran
   * @param chartJson the answer's chart for the page's script; empty when it has none
   * @param saved the user's saved queries
   */
  public record Sql(Page page, boolean lake, String sql, String rows, String seconds, String name, String error,
      Optional<org.riskgate.lake.LakeQuery.Result> answer, String chartJson,
      List<org.riskgate.server.lab.SavedQueries.Saved> saved) {}

  /** A value of an SQL answer as a table cell shows it. */
  public static String cell(Object v) {
    return v == null ? "NULL" : v.toString();
  }

  /**
   * A path on this site from its segments, each percent-encoded as a URL path segment: a {@code /},
   * {@code ?}, {@code #} or {@code %} in a value stays inside its own segment, so no value can
   * point a link or a form elsewhere. Templates build every URL that carries a value with this.
   *
   * @throws IllegalArgumentException for a dot segment ({@code .} or {@code ..}), which browsers
   *     resolve even when encoded; ids are refused such values at every entry
   */
  public static String path(String... segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      if (s.equals(".") || s.equals("..")) {
        throw new IllegalArgumentException("a dot segment cannot be linked to: '" + s + "'");
      }
      b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }

  /**
   * API tokens (everyone's for an admin) and, for an admin, users to disable or enable.
   *
   * @param now the time a token's state is judged at
   */
  public record Access(Page page, List<org.riskgate.server.store.TokenRecord> tokens,
      List<org.riskgate.server.store.UserRecord> users, java.time.Instant now, String message,
      Optional<OneTimePassword> reset) {}

  /** A one-time password an admin just set for a user, shown once. */
  public record OneTimePassword(String username, String password) {}

  /**
   * The high-risk groups of a period.
   *
   * @param canEdit whether the user may draft rules and watchlists from them
   */
  public record Groups(Page page, org.riskgate.profiles.groups.GroupReport report, List<Group> groups, Params form,
      boolean canEdit) {}

  /**
   * One high-risk group with what it can become.
   *
   * @param rule the group as a rule of the rules language
   * @param watchlist the list it fills, when one of its criteria is a country or an HS code
   */
  public record Group(org.riskgate.profiles.groups.RiskGroup group, String rule, Optional<WatchlistForm> watchlist) {
    /**
     * The watchlist a group's first country or HS criterion makes: origins and departures fill a
     * country list, HS chapters, headings and subheadings an HS list (entries match as prefixes).
     */
    public static Optional<WatchlistForm> watchlist(org.riskgate.profiles.groups.RiskGroup g, Messages m) {
      for (var c : g.criteria()) {
        String kind = switch (c.dimension()) {
          case ORIGIN, DEPARTURE -> "country";
          case HS2, HS4, HS6 -> "hs";
          case OFFICE, TRANSPORT_MODE, IMPORT_TYPE, IMPORTER_SEGMENT -> "";
        };
        if (!kind.isEmpty()) {
          String name = ("group " + c.dimension().key() + " " + c.value()).replaceAll("[^A-Za-z0-9 ._-]", "_");
          return Optional.of(new WatchlistForm(true, name, kind, m.t("groups.watchlistDescription", g.label()),
              c.value()));
        }
      }
      return Optional.empty();
    }
  }

  /** Every watchlist; {@code canEdit} for supervisors. */
  public record Watchlists(Page page, List<org.riskgate.selectivity.watch.Watchlist> lists, boolean canEdit) {}

  /**
   * The watchlist editor's fields, as stored or as typed.
   *
   * @param creating a new list (its name is typed) rather than a stored one (its name is fixed)
   * @param entries one entry a line
   */
  public record WatchlistForm(boolean creating, String name, String kind, String description, String entries) {
    /** The entries typed, one a line, blanks dropped. */
    public java.util.Set<String> entryList() {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      for (String line : entries.split("\\R")) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
      return out;
    }
  }

  /** The watchlist editor. */
  public record WatchlistEditor(Page page, WatchlistForm form, String error) {}

  /** Formats a score or share with three decimals. */
  public static String f3(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}
