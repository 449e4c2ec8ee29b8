package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (vendored in {@code src/test/resources/axe}, see its README) run inside a page: no
 * serious or critical violation of WCAG 2.0/2.1 A and AA may remain.
 */
final class Axe {
  private static final String SOURCE = load();
  private static final String RUN = """
      async () => {
        const r = await axe.run(document, { runOnly: { type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
            + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
      }""";

  private Axe() {}

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks the page as it is now. The script is evaluated through the browser's debugging
   * protocol, which the page's Content-Security-Policy (no inline scripts) does not govern.
   */
  static void check(Page page, String what) {
    assertThat(violations(page)).as("axe-core on " + what + " (" + page.url() + ")").isEmpty();
  }

  /** The serious and critical violations of the page as it is now, one line each. */
  @SuppressWarnings("unchecked")
  static List<String> violations(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
      page.evaluate(SOURCE);
    }
    return (List<String>) page.evaluate(RUN);
  }
}
