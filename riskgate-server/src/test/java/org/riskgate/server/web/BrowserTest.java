package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskgate.server.TestServer;

/**
 * The analyst's day in a real headless Chromium: log in, open the queue, open a red
 * declaration, record a result, and see the dashboard change. Screenshots go to
 * {@code target/screenshots}.
 */
class BrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");

  /** Where screenshots of browser tests go. */
  static final Path SCREENSHOTS = SHOTS;

  /** The Chromium binary of {@code RISKGATE_CHROMIUM}; the calling test is skipped when there is none. */
  static Path chromium() {
    Path chromium = Path.of(System.getenv().getOrDefault("RISKGATE_CHROMIUM", "/usr/bin/chromium"));
    assumeTrue(Files.isExecutable(chromium), "no chromium binary at " + chromium
        + ": browser test skipped (apt install chromium, or set RISKGATE_CHROMIUM)");
    return chromium;
  }

  /** Playwright driving the given binary, never downloading one. */
  static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** A headless Chromium that stays off the network but for the test server. */
  static Browser launch(Playwright pw, Path chromium) {
    return pw.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @Test
  void analystRecordsAResultAndTheDashboardChanges() throws Exception {
    Path chromium = chromium();
    TestServer s = TestServer.shared();
    Files.createDirectories(SHOTS);
    try (Playwright pw = playwright(); Browser browser = launch(pw, chromium)) {
      Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)).newPage();
      page.navigate(s.base + "/queue");
      assertThat(page.url()).endsWith("/login");
      page.fill("input[name=username]", "ana");
      page.fill("input[name=password]", TestServer.PASSWORD);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login.png")));
      page.click("button[type=submit]");
      page.waitForURL("**/queue");

      page.navigate(s.base + "/dashboard");
      page.waitForSelector("#lane-mix");
      int recordedBefore = Integer.parseInt(page.textContent("#recorded-count").trim());
      String hitRateBefore = page.textContent("#hit-rate").trim();

      page.navigate(s.base + "/queue");
      page.selectOption("select[name=lane]", "red");
      page.click("form.filters button[type=submit]");
      page.waitForURL("**lane=red**");
      Locator open = page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText("—"));
      assertThat(open.count()).isPositive();
      assertThat(page.locator("table.queue tbody .lane.red").count())
          .isEqualTo(page.locator("table.queue tbody tr").count());
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("queue.png")).setFullPage(false));

      String id = open.first().locator("th a").first().textContent().trim();
      open.first().locator("th a").first().click();
      page.waitForURL("**/declarations/" + id);
      assertThat(page.textContent("h1")).contains(id).contains("red");
      assertThat(page.textContent("#recorded")).contains("No result recorded yet");
      // the reasons bar chart is drawn by Chart.js from the WebJar
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('reasons-chart'))");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("declaration.png")).setFullPage(true));

      page.check("input[name=fraud][value=true]");
      page.fill("input[name=amount]", "2500");
      page.fill("input[name=note]", "undervalued, recorded by the browser test");
      page.click("#record");
      page.waitForURL("**/declarations/" + id);
      assertThat(page.textContent("#recorded")).contains("fraud found").contains("ana");
      assertThat(s.platform.declarations().find(id).orElseThrow().result()).hasValueSatisfying(r -> {
        assertThat(r.fraud()).isTrue();
        assertThat(r.amount()).isEqualTo(2500);
      });

      // HS check: suggestions for what the inspector saw
      page.fill("input[name=describe]", "sawn wood of oak");
      page.click("#hs button[type=submit]");
      page.waitForSelector("#hs-suggestions");
      assertThat(page.locator("#hs-suggestions tbody tr").count()).isPositive();

      // a scanned document: uploaded through the form, its stamp and signature boxed on the page
      Path scan = SHOTS.resolve("scan.png");
      Files.write(scan, org.riskgate.server.api.ChecksApiTest.page());
      page.fill("#documents input[name=issuer]", "KR-017");
      page.setInputFiles("#documents input[name=document]", scan);
      page.click("#documents button[type=submit]");
      page.waitForSelector("svg.page rect.box");
      assertThat(page.locator("svg.page rect.box").count()).isPositive();
      page.locator("#documents").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
          .setPath(SHOTS.resolve("documents.png")));

      page.navigate(s.base + "/dashboard");
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('lane-mix'))");
      assertThat(Integer.parseInt(page.textContent("#recorded-count").trim())).isEqualTo(recordedBefore + 1);
      assertThat(page.textContent("#hit-rate").trim()).isNotEqualTo(hitRateBefore);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("dashboard.png")).setFullPage(true));

      page.navigate(s.base + "/models");
      assertThat(page.textContent("table.queue")).contains("active");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("models.png")));
    }
  }
}
