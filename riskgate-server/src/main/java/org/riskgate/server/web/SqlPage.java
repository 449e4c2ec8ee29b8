package org.riskgate.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.lake.LakeQuery;
import org.riskgate.server.NotFoundException;
import org.riskgate.server.Refusals;
import org.riskgate.server.lab.DataLab;
import org.riskgate.server.lab.SavedQueries;

/**
 * The analysts' SQL page: a query typed or opened from the user's saved ones, run by the
 * {@link DataLab} (every role may: analyst is the least), answered as a table and a chart.
 */
final class SqlPage {
  private final DataLab lab;
  private final WebRoutes web;

  SqlPage(DataLab lab, WebRoutes web) {
    this.lab = lab;
    this.web = web;
  }

  void register(RoutesConfig r) {
    r.get("/sql", this::show);
    r.post("/sql", this::submit);
    r.post("/sql/saved/{id}/delete", this::delete);
  }

  private static String user(Context ctx) {
    return WebRoutes.session(ctx).principal().username();
  }

  private void show(Context ctx) {
    String sql = "SELECT month, count(*) AS declarations, count_if(fraud) AS frauds\nFROM declarations\nGROUP BY month\nORDER BY month";
    String saved = ctx.queryParam("saved");
    String name = "";
    if (saved != null) {
      SavedQueries.Saved s = lab.saved().find(user(ctx), savedId(saved))
          .orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noSavedQuery", saved)));
      sql = s.sql();
      name = s.name();
    }
    render(ctx, sql, DataLab.Limits.defaults().rows() + "", DataLab.Limits.defaults().seconds() + "", name, "", Optional.empty());
  }

  /** Runs the query, or saves it when the save button was pressed; the typed text is kept either way. */
  private void submit(Context ctx) throws IOException {
    String sql = Optional.ofNullable(ctx.formParam("sql")).orElse("");
    String rows = Optional.ofNullable(ctx.formParam("rows")).orElse("").strip();
    String seconds = Optional.ofNullable(ctx.formParam("seconds")).orElse("").strip();
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
    try {
      if ("save".equals(ctx.formParam("action"))) {
        long id = lab.saved().save(user(ctx), name, sql);
        ctx.redirect(Views.path("sql") + "?saved=" + id);
        return;
      }
      LakeQuery.Result r = lab.run(user(ctx), sql, new DataLab.Limits(number(rows, "refused.rowsNumber"),
          number(seconds, "refused.secondsNumber")));
      render(ctx, sql, rows, seconds, name, "", Optional.of(r));
    } catch (IllegalArgumentException | DataLab.NoLake e) {
      ctx.status(400);
      render(ctx, sql, rows, seconds, name, web.messages(ctx).refusal(e), Optional.empty());
    }
  }

  private void delete(Context ctx) {
    long id = savedId(ctx.pathParam("id"));
    if (!lab.saved().delete(user(ctx), id)) {
      throw new NotFoundException(Refusals.phrase("refused.noSavedQuery", id));
    }
    ctx.redirect(Views.path("sql"));
  }

  private static long savedId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NotFoundException(Refusals.phrase("refused.savedQueryId"));
    }
  }

  /** A limit as typed; {@code refusal} is the code of the words when it is not a whole number. */
  private static int number(String s, String refusal) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw Refusals.refused(refusal);
    }
  }

  private void render(Context ctx, String sql, String rows, String seconds, String name, String error,
      Optional<LakeQuery.Result> answer) {
    web.render(ctx, "sql.jte", new Views.Sql(web.page(ctx, "sql.title", "sql"), lab.configured(), sql, rows, seconds,
        name, error, answer, answer.flatMap(SqlPage::chart).map(WebRoutes::scriptJson).orElse(""),
        lab.saved().of(user(ctx))));
  }

  /**
   * The chart of an answer: its first numeric column after the first, by the first column; a line
   * over dates and times, bars otherwise. None when there is no such column.
   */
  static Optional<Map<String, Object>> chart(LakeQuery.Result r) {
    int y = -1;
    for (int i = 1; i < r.columns().size() && y < 0; i++) {
      final int c = i;
      boolean numeric = r.rows().stream().allMatch(row -> row.get(c) == null || row.get(c) instanceof Number)
          && r.rows().stream().anyMatch(row -> row.get(c) != null);
      y = numeric ? i : -1;
    }
    if (y < 0) {
      return Optional.empty();
    }
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      labels.add(Views.cell(row.get(0)));
      values.add(row.get(y) == null ? null : ((Number) row.get(y)).doubleValue());
    }
    boolean overTime = r.rows().stream().anyMatch(row -> row.get(0) instanceof Temporal);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", overTime ? "line" : "bar");
    chart.put("x", r.columns().get(0));
    chart.put("y", r.columns().get(y));
    chart.put("labels", labels);
    chart.put("values", values);
    return Optional.of(chart);
  }
}
