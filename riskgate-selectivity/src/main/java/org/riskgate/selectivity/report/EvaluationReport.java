package org.riskgate.selectivity.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.riskgate.core.AtPercent;
import org.riskgate.core.Declaration;
import org.riskgate.core.RankingEvaluation;
import org.riskgate.core.RankingMetrics;
import org.riskgate.risk.Evaluator.ModelEvaluation;
import org.riskgate.risk.Provenance;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.LaneAssigner;

/** Writes {@code index.html} (plots inlined as PNG) comparing models evaluated on one period. */
public final class EvaluationReport {
  private static final double[] CURVE = {0.5, 1, 2, 3, 4, 5, 7.5, 10, 12.5, 15, 20, 25, 30};

  private EvaluationReport() {}

  /** One model's evaluation with the provenance of its bundle. */
  public record Entry(ModelEvaluation evaluation, Provenance provenance) {}

  /**
   * Writes the report.
   *
   * @param entries the first is the model whose lanes are shown
   * @param capacity lanes for the score-by-lane plot
   * @return the path of the HTML file
   */
  public static Path write(Path dir, String dataName, List<Entry> entries, Capacity capacity) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    StringBuilder h = new StringBuilder();
    ModelEvaluation main = entries.get(0).evaluation();
    RankingEvaluation m0 = main.metrics();
    h.append("<!doctype html><html lang=en><meta charset=utf-8><title>riskgate evaluation</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}img{max-width:100%}code{font-size:12px}</style>")
        .append("<h1>Risk model evaluation</h1>")
        .append(String.format(Locale.ROOT, "<p>Period: <b>%s</b> — %,d labelled declarations, %,d frauds (%.1f %%), %s .. %s. "
            + "Every model scores this period from the history it had at the end of its training: "
            + "nothing from the period itself is used.</p>",
            esc(dataName), m0.rows(), m0.frauds(), 100.0 * m0.frauds() / m0.rows(),
            main.declarations().get(0).date(), main.declarations().get(main.declarations().size() - 1).date()));
    h.append("<h2>Comparison</h2>").append(table(entries));
    h.append("<h2>Precision and recall by share inspected</h2>").append(img(precisionRecall(entries)));
    h.append("<h2>ROC</h2>").append(img(roc(entries)));
    h.append("<h2>Scores by lane</h2><p>Lanes of the first model under capacity red ")
        .append(capacity.redPercent()).append(" %, yellow ").append(capacity.yellowPercent())
        .append(" % of each day").append(capacity.perOffice() ? " and office" : "").append(".</p>")
        .append(laneTable(main, capacity)).append(img(scoresByLane(main, capacity)));
    h.append("<h2>Provenance</h2>");
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (Entry e : entries) {
      Provenance p = e.provenance();
      if (!shown.add(p.bundleId())) {
        continue; // the same bundle ranked under another objective
      }
      h.append("<h3>").append(esc(p.bundleId())).append("</h3><table>");
      row(h, "trainer", p.trainer());
      row(h, "training file", p.trainingFile() + " (sha256 " + p.trainingSha256().substring(0, 16) + "…)");
      row(h, "training period", p.periodFrom() + " .. " + p.periodTo());
      row(h, "training rows / frauds / rejects", p.trainingRows() + " / " + p.trainingFrauds() + " / " + p.trainingRejects());
      row(h, "early stopping", p.validFile().isEmpty() ? "internal time holdout" : p.validFile());
      row(h, "parameters", p.parameters().toString());
      row(h, "training notes", p.trainingNotes().toString());
      row(h, "versions", p.versions().toString());
      row(h, "created", p.createdAt());
      h.append("</table>");
    }
    Path file = dir.resolve("index.html");
    Files.writeString(file, h.append("</html>\n").toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String table(List<Entry> entries) {
    StringBuilder t = new StringBuilder("<table><tr><th>model</th><th>AUC</th><th>PR-AUC</th>");
    for (double p : RankingMetrics.STANDARD_PERCENTS) {
      t.append(String.format(Locale.ROOT, "<th>P@%s%%</th><th>R@%s%%</th><th>Rev@%s%%</th>", fmt(p), fmt(p), fmt(p)));
    }
    t.append("</tr>");
    for (Entry e : entries) {
      RankingEvaluation m = e.evaluation().metrics();
      t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td>", esc(e.evaluation().label()), m.auc(), m.prAuc()));
      for (double p : RankingMetrics.STANDARD_PERCENTS) {
        AtPercent a = m.at(p);
        t.append(String.format(Locale.ROOT, "<td>%.3f</td><td>%.3f</td><td>%.3f</td>", a.precision(), a.recall(), a.revenue()));
      }
      t.append("</tr>");
    }
    return t.append("</table>").toString();
  }

  /** The comparison as a Markdown table, as printed on the console and pasted into the README. */
  public static String markdown(List<Entry> entries) {
    StringBuilder t = new StringBuilder("| model | AUC | PR-AUC |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (double p : RankingMetrics.STANDARD_PERCENTS) {
      t.append(String.format(Locale.ROOT, " P@%s%% | R@%s%% | Rev@%s%% |", fmt(p), fmt(p), fmt(p)));
      rule.append("---:|---:|---:|");
    }
    t.append('\n').append(rule).append('\n');
    for (Entry e : entries) {
      RankingEvaluation m = e.evaluation().metrics();
      t.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |", e.evaluation().label(), m.auc(), m.prAuc()));
      for (double p : RankingMetrics.STANDARD_PERCENTS) {
        AtPercent a = m.at(p);
        t.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |", a.precision(), a.recall(), a.revenue()));
      }
      t.append('\n');
    }
    return t.toString();
  }

  private static JFreeChart precisionRecall(List<Entry> entries) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Entry e : entries) {
      ModelEvaluation ev = e.evaluation();
      RankingEvaluation m = RankingMetrics.evaluate(ev.ranking(), ev.fraud(), tax(ev), CURVE);
      XYSeries p = new XYSeries(e.evaluation().label() + " precision");
      XYSeries r = new XYSeries(e.evaluation().label() + " recall");
      for (AtPercent a : m.atPercent()) {
        p.add(a.percent(), a.precision());
        r.add(a.percent(), a.recall());
      }
      data.addSeries(p);
      data.addSeries(r);
    }
    JFreeChart c = ChartFactory.createXYLineChart(null, "% of declarations inspected (top by score)",
        "share", data, PlotOrientation.VERTICAL, true, false, false);
    styleLines(c, true);
    return c;
  }

  private static JFreeChart roc(List<Entry> entries) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Entry e : entries) {
      ModelEvaluation ev = e.evaluation();
      XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", ev.label(), ev.metrics().auc()));
      Integer[] order = IntStream.range(0, ev.ranking().length).boxed().toArray(Integer[]::new);
      java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -ev.ranking()[i]));
      long pos = ev.metrics().frauds();
      long neg = ev.metrics().rows() - pos;
      long tp = 0;
      long fp = 0;
      s.add(0, 0);
      int step = Math.max(1, order.length / 400);
      for (int k = 0; k < order.length; k++) {
        if (ev.fraud()[order[k]]) {
          tp++;
        } else {
          fp++;
        }
        if (k % step == 0 || k == order.length - 1) {
          s.add(fp / (double) neg, tp / (double) pos);
        }
      }
      data.addSeries(s);
    }
    JFreeChart c = ChartFactory.createXYLineChart(null, "false positive rate", "true positive rate",
        data, PlotOrientation.VERTICAL, true, false, false);
    styleLines(c, false);
    return c;
  }

  private static Map<Lane, List<Integer>> lanes(ModelEvaluation ev, Capacity capacity) {
    Map<LocalDate, List<Integer>> days = new LinkedHashMap<>();
    List<Declaration> ds = ev.declarations();
    for (int i = 0; i < ds.size(); i++) {
      days.computeIfAbsent(ds.get(i).date(), k -> new ArrayList<>()).add(i);
    }
    LaneAssigner assigner = new LaneAssigner(capacity, 1);
    Map<Lane, List<Integer>> byLane = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      byLane.put(l, new ArrayList<>());
    }
    for (Map.Entry<LocalDate, List<Integer>> e : days.entrySet()) {
      List<Integer> day = e.getValue();
      List<LaneAssigner.Candidate> c = day.stream()
          .map(i -> new LaneAssigner.Candidate(ds.get(i).officeId(), ev.ranking()[i], Optional.empty())).toList();
      List<LaneAssigner.Assignment> a = assigner.assign(e.getKey(), c);
      for (int k = 0; k < day.size(); k++) {
        byLane.get(a.get(k).lane()).add(day.get(k));
      }
    }
    return byLane;
  }

  private static String laneTable(ModelEvaluation ev, Capacity capacity) {
    StringBuilder t = new StringBuilder("<table><tr><th>lane</th><th>declarations</th><th>frauds found</th><th>hit rate</th></tr>");
    for (Map.Entry<Lane, List<Integer>> e : lanes(ev, capacity).entrySet()) {
      long hits = e.getValue().stream().filter(i -> ev.fraud()[i]).count();
      t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%,d</td><td>%.1f %%</td></tr>",
          e.getKey().label(), e.getValue().size(), hits, e.getValue().isEmpty() ? 0 : 100.0 * hits / e.getValue().size()));
    }
    return t.append("</table>").toString();
  }

  private static JFreeChart scoresByLane(ModelEvaluation ev, Capacity capacity) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int bins = 20;
    Map<Lane, List<Integer>> byLane = lanes(ev, capacity);
    for (int b = 0; b < bins; b++) {
      String bin = String.format(Locale.ROOT, "%.2f", b / (double) bins);
      for (Lane l : Lane.values()) {
        data.addValue(0, l.label(), bin);
      }
    }
    for (Map.Entry<Lane, List<Integer>> e : byLane.entrySet()) {
      for (int i : e.getValue()) {
        int b = Math.min(bins - 1, (int) (ev.scores()[i] * bins));
        String bin = String.format(Locale.ROOT, "%.2f", b / (double) bins);
        data.incrementValue(1, e.getKey().label(), bin);
      }
    }
    JFreeChart c = ChartFactory.createStackedBarChart(null, "risk score (bin start)", "declarations",
        data, PlotOrientation.VERTICAL, true, false, false);
    var r = c.getCategoryPlot().getRenderer();
    r.setSeriesPaint(0, new Color(0xC62828));
    r.setSeriesPaint(1, new Color(0xF9A825));
    r.setSeriesPaint(2, new Color(0x2E7D32));
    c.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    c.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    c.setBackgroundPaint(Color.WHITE);
    return c;
  }

  private static void styleLines(JFreeChart c, boolean dashedRecall) {
    XYPlot plot = c.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    Color[] palette = {new Color(0x1565C0), new Color(0xEF6C00), new Color(0x2E7D32), new Color(0x6A1B9A)};
    for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
      // a model's precision and recall share its colour; recall is dashed
      r.setSeriesPaint(i, palette[(dashedRecall ? i / 2 : i) % palette.length]);
      r.setSeriesStroke(i, dashedRecall && i % 2 == 1
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    plot.setRenderer(r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    c.setBackgroundPaint(Color.WHITE);
  }

  private static double[] tax(ModelEvaluation ev) {
    return ev.declarations().stream().mapToDouble(Declaration::taxAtStake).toArray();
  }

  private static String img(JFreeChart chart) throws IOException {
    byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(900, 420));
    return "<p><img alt=chart src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"></p>";
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><td>").append(esc(k)).append("</td><td style=text-align:left><code>").append(esc(v)).append("</code></td></tr>");
  }

  static String fmt(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
