package org.riskgate.selectivity.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.riskgate.core.NormalisedMetrics;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The simulator's SVG plots parse as XML and hold one series per strategy, whatever the names. */
class SvgChartTest {
  static final LocalDate MONDAY = LocalDate.of(2021, 1, 4);

  static Simulator.Result result(List<String> strategies, int weeks) {
    List<Simulator.Week> out = new ArrayList<>();
    for (int s = 0; s < strategies.size(); s++) {
      for (int w = 0; w < weeks; w++) {
        boolean[] chosen = {true, w % 2 == 0, false, s == 0};
        boolean[] fraud = {true, true, false, w == 1};
        NormalisedMetrics.Figures f = NormalisedMetrics.of(chosen, fraud, new double[] {10, 20, 30, 40});
        out.add(new Simulator.Week(strategies.get(s), MONDAY.plusWeeks(w), 4, 0.1 * s, f));
      }
    }
    return new Simulator.Result(strategies, out);
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachStrategyIsOneSeriesWithAPointPerWeek() throws Exception {
    List<String> names = List.of("exploit", "epsilon:0.1", "a<b & \"c\" 'd'", "bad\u0001char");
    String svg = SimulationReport.svg(result(names, 5), "Norm-Precision per week", w -> w.figures().normPrecision());
    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    List<String> strategies = new ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      assertThat(g.getAttribute("class")).isEqualTo("series");
      strategies.add(g.getAttribute("data-strategy"));
      assertThat(g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength()).isOne();
      String points = ((Element) g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").item(0))
          .getAttribute("points");
      assertThat(points.split(" ")).hasSize(5);
      assertThat(g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(5);
    }
    // the names come back as given; a character XML cannot hold is replaced, not left to break the file
    assertThat(strategies).containsExactly("exploit", "epsilon:0.1", "a<b & \"c\" 'd'", "bad\uFFFDchar");
    assertThat(svg).doesNotContain("a<b");
  }

  @Test
  void aStrategyWithoutAWeekLeavesAGapNotAShift() throws Exception {
    Simulator.Result full = result(List.of("exploit", "random"), 3);
    List<Simulator.Week> weeks = new ArrayList<>(full.weeks());
    weeks.removeIf(w -> w.strategy().equals("random") && w.monday().equals(MONDAY));
    String svg = SimulationReport.svg(new Simulator.Result(full.strategies(), weeks), "t", Simulator.Week::share);
    NodeList circles = parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
    assertThat(circles.getLength()).isEqualTo(5);
    assertThat(svg).contains("random, week of " + MONDAY.plusWeeks(1)).doesNotContain("random, week of " + MONDAY + ":");
  }
}
