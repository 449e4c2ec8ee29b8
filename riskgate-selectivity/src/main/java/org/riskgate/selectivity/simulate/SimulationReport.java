package org.riskgate.selectivity.simulate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.riskgate.core.NormalisedMetrics;

/** A simulation's tables (text and CSV) and plots (PNG, and SVG for a browser). */
public final class SimulationReport {
  private SimulationReport() {}

  /** The overall table: one row per strategy, named as given. */
  public static String overall(Simulator.Result r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-16s %8s %6s %9s %7s %7s %9s %9s %7s%n",
        "strategy", "selected", "frauds", "precision", "recall", "revenue", "norm-prec", "norm-rev", "explore"));
    for (String name : r.strategies()) {
      NormalisedMetrics.Figures f = r.overall(name);
      s.append(String.format(Locale.ROOT, "%-16s %8d %6d %9.3f %7.3f %7.3f %9.3f %9.3f %7.3f%n", name, f.selected(),
          f.frauds(), f.precision(), f.recall(), f.revenue(), f.normPrecision(), f.normRevenue(), r.meanShare(name)));
    }
    return s.toString();
  }

  /** One figure per week (rows) and strategy (columns). */
  public static String weekly(Simulator.Result r, String label, ToDoubleFunction<NormalisedMetrics.Figures> metric) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s", label));
    r.strategies().forEach(n -> s.append(String.format(Locale.ROOT, " %12s", n)));
    s.append('\n');
    for (java.time.LocalDate week : weeks(r)) {
      s.append(String.format(Locale.ROOT, "%-12s", week));
      for (String n : r.strategies()) {
        r.weeks().stream().filter(w -> w.strategy().equals(n) && w.monday().equals(week)).findFirst()
            .ifPresent(w -> s.append(String.format(Locale.ROOT, " %12.3f", metric.applyAsDouble(w.figures()))));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * Writes {@code weeks.csv}, {@code overall.csv} and the plots {@code norm-precision},
   * {@code norm-revenue}, {@code precision}, {@code exploration}, each as {@code .png} and {@code
   * .svg}, into {@code dir}.
   *
   * @return the files written
   */
  public static List<Path> write(Simulator.Result r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    StringBuilder weeks = new StringBuilder(
        "strategy,week,declarations,explore_share,selected,frauds,precision,recall,revenue,norm_precision,norm_revenue\n");
    for (Simulator.Week w : r.weeks()) {
      NormalisedMetrics.Figures f = w.figures();
      weeks.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", w.strategy(),
          w.monday(), w.declarations(), w.share(), f.selected(), f.frauds(), f.precision(), f.recall(), f.revenue(),
          f.normPrecision(), f.normRevenue()));
    }
    out.add(Files.writeString(dir.resolve("weeks.csv"), weeks));
    StringBuilder overall = new StringBuilder(
        "strategy,selected,frauds,precision,recall,revenue,norm_precision,norm_revenue,mean_explore_share\n");
    for (String n : r.strategies()) {
      NormalisedMetrics.Figures f = r.overall(n);
      overall.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.4f%n", n, f.selected(),
          f.frauds(), f.precision(), f.recall(), f.revenue(), f.normPrecision(), f.normRevenue(), r.meanShare(n)));
    }
    out.add(Files.writeString(dir.resolve("overall.csv"), overall));
    out.addAll(plots(r, dir, "norm-precision", "Norm-Precision per week", w -> w.figures().normPrecision()));
    out.addAll(plots(r, dir, "norm-revenue", "Norm-Revenue per week", w -> w.figures().normRevenue()));
    out.addAll(plots(r, dir, "precision", "Precision per week", w -> w.figures().precision()));
    out.addAll(plots(r, dir, "exploration", "Exploration share spent per week", Simulator.Week::share));
    return out;
  }

  private static List<Path> plots(Simulator.Result r, Path dir, String name, String title,
      ToDoubleFunction<Simulator.Week> y) throws IOException {
    return List.of(plot(r, dir.resolve(name + ".png"), title, y),
        Files.writeString(dir.resolve(name + ".svg"), svg(r, title, y)));
  }

  /** A plot as SVG, one series per strategy, its weeks on the calendar's Mondays. */
  static String svg(Simulator.Result r, String title, ToDoubleFunction<Simulator.Week> y) {
    List<java.time.LocalDate> weeks = weeks(r);
    List<SvgChart.Series> series = new ArrayList<>();
    for (String n : r.strategies()) {
      double[] v = new double[weeks.size()];
      java.util.Arrays.fill(v, Double.NaN);
      for (Simulator.Week w : r.weeks()) {
        if (w.strategy().equals(n)) {
          v[weeks.indexOf(w.monday())] = y.applyAsDouble(w);
        }
      }
      series.add(new SvgChart.Series(n, v));
    }
    return SvgChart.render(title, weeks, series);
  }

  private static List<java.time.LocalDate> weeks(Simulator.Result r) {
    return r.weeks().stream().map(Simulator.Week::monday).distinct().sorted().toList();
  }

  private static Path plot(Simulator.Result r, Path file, String title, ToDoubleFunction<Simulator.Week> y)
      throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (String n : r.strategies()) {
      XYSeries s = new XYSeries(n);
      int week = 1;
      for (Simulator.Week w : r.weeks()) {
        if (w.strategy().equals(n)) {
          s.add(week++, y.applyAsDouble(w));
        }
      }
      data.addSeries(s);
    }
    JFreeChart c = ChartFactory.createXYLineChart(title, "week", "", data, PlotOrientation.VERTICAL, true, false,
        false);
    XYPlot plot = c.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, new Color(SvgChart.PALETTE[i % SvgChart.PALETTE.length]));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    c.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), c, 900, 420);
    return file;
  }
}
