package org.riskgate.selectivity.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of weekly figures, one series per strategy, as a standalone SVG document that a
 * browser shows and a reader can still parse: each series is a {@code <g class="series"
 * data-strategy="NAME">} holding its line and one point per week, each point titled with its
 * strategy, week and value. No chart library on the class path writes SVG (JFreeChart draws the
 * PNGs on Java2D only), so it is written here; every text from the data is XML-escaped.
 */
final class SvgChart {
  /** The series colours, shared with the PNG plots so both read alike. */
  static final int[] PALETTE = {0x1565C0, 0xEF6C00, 0x2E7D32, 0x6A1B9A, 0xC62828, 0x00838F, 0x5D4037};

  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 180;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /** One strategy's values, one per week of {@code weeks}; NaN where it has none. */
  record Series(String name, double[] values) {}

  private SvgChart() {}

  /** The chart as an SVG document. */
  static String render(String title, List<LocalDate> weeks, List<Series> series) {
    double max = 1;
    for (Series s : series) {
      for (double v : s.values()) {
        if (v > max) {
          max = v;
        }
      }
    }
    // the axis reaches a round tenth above the largest value, 1 at least (the figures are shares)
    double top = Math.ceil(max * 10) / 10;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder b = new StringBuilder(8_192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    b.append("<title>").append(escape(title)).append("</title>\n");
    b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", WIDTH, HEIGHT));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" text-anchor=\"middle\">%s</text>%n",
        LEFT + plotW / 2, escape(title)));
    for (int i = 0; i <= 10; i++) {
      double v = top * i / 10;
      double y = TOP + plotH - plotH * v / top;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, v));
    }
    for (int w = 0; w < weeks.size(); w++) {
      double x = x(w, weeks.size(), plotW);
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
          TOP + plotH + 16, w + 1));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">week%s</text>%n",
        LEFT + plotW / 2, HEIGHT - 12, weeks.isEmpty() ? "" : " (1 = " + weeks.get(0) + ")"));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#888\"/>%n", LEFT, TOP, plotW, plotH));
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String colour = String.format(Locale.ROOT, "#%06X", PALETTE[k % PALETTE.length]);
      String name = escape(s.name());
      b.append("<g class=\"series\" data-strategy=\"").append(name).append("\" stroke=\"").append(colour)
          .append("\" fill=\"").append(colour).append("\">\n");
      List<String> points = new ArrayList<>();
      StringBuilder marks = new StringBuilder();
      for (int w = 0; w < Math.min(weeks.size(), s.values().length); w++) {
        double v = s.values()[w];
        if (Double.isNaN(v)) {
          continue;
        }
        double x = x(w, weeks.size(), plotW);
        double y = TOP + plotH - plotH * v / top;
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s, week of %s: "
            + "%.3f</title></circle>%n", x, y, name, weeks.get(w), v));
      }
      b.append("<polyline fill=\"none\" stroke-width=\"2\" points=\"").append(String.join(" ", points))
          .append("\"/>\n").append(marks);
      double ly = TOP + 10 + 18 * k;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke-width=\"2\"/>"
          + "<text x=\"%d\" y=\"%.1f\" stroke=\"none\" fill=\"#000\">%s</text>%n", LEFT + plotW + 12, ly,
          LEFT + plotW + 32, ly, LEFT + plotW + 38, ly + 4, name));
      b.append("</g>\n");
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static double x(int week, int weeks, int plotW) {
    return LEFT + (weeks <= 1 ? plotW / 2.0 : plotW * week / (double) (weeks - 1));
  }

  /** Text as XML character data or an attribute value; characters XML 1.0 cannot hold become U+FFFD. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
