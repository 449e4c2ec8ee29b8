package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
 * The analyst's day in a real headless Chromium, in Korean, with axe-core on every page.
 * Screenshots go to {@code target/screenshots}.
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

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
  }

  private static void login(Page page, String base, String user) {
    page.navigate(base + "/login");
    page.fill("input[name=username]", user);
    page.fill("input[name=password]", TestServer.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/queue");
  }

  /**
   * The analyst's day in Korean: log in, find a trader, take a case, record its result with a
   * note, see it on the case and the dashboard; then a supervisor reads the audit log. axe-core
   * checks every page on the way, and a 390 px phone shows the queue and the case.
   */
  @Test
  void anAnalystWorksACaseInKorean() throws Exception {
    Path chromium = chromium();
    TestServer s = TestServer.shared();
    Files.createDirectories(SHOTS);
    try (Playwright pw = playwright(); Browser browser = launch(pw, chromium)) {
      BrowserContext ko = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
          .setLocale("ko-KR"));
      Page page = ko.newPage();
      page.navigate(s.base + "/queue");
      assertThat(page.url()).endsWith("/login");
      assertThat(page.getAttribute("html", "lang")).isEqualTo("ko");
      assertThat(page.textContent("button[type=submit]")).isEqualTo("로그인");
      Axe.check(page, "login");
      shot(page, "login.png");
      // the check can fail: the yellow badge as it was (white on #c49000, 2.86:1) is refused
      page.evaluate("() => { const s = document.createElement('span'); s.id = 'old-badge';"
          + " s.style.cssText = 'color:#fff;background:#c49000;font-size:12px'; s.textContent = 'yellow';"
          + " document.querySelector('form').appendChild(s); }");
      assertThat(Axe.violations(page)).anyMatch(v -> v.startsWith("color-contrast"));
      page.evaluate("() => document.getElementById('old-badge').remove()");
      login(page, s.base, "ana");
      assertThat(page.textContent("h1")).contains("검사 대기열");
      Axe.check(page, "queue");
      shot(page, "queue.png");

      page.navigate(s.base + "/dashboard");
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('lane-mix'))");
      int recordedBefore = Integer.parseInt(page.textContent("#recorded-count").trim());

      // find a trader by the start of its id
      page.navigate(s.base + "/queue?lane=red");
      String importer = page.locator("#queue tbody tr").first().locator("td a").first().textContent().trim();
      page.fill("#party-search", importer.substring(0, importer.length() - 1));
      page.press("#party-search", "Enter");
      page.waitForURL(u -> u.contains("/parties?q=") || u.contains("/entities/"));
      if (page.url().contains("/parties")) {
        Axe.check(page, "party search");
        page.locator("#parties a", new Page.LocatorOptions().setHasText(importer)).first().click();
      }
      page.waitForURL("**/entities/importer/" + importer);
      assertThat(page.textContent("h1")).contains("수입자").contains(importer);
      assertThat(page.locator("#party-declarations tbody tr").count()).isPositive();
      Axe.check(page, "trader");
      shot(page, "trader.png");

      // open the network around the trader: drawn, and the same parties in the table
      List<String> refused = new java.util.ArrayList<>();
      page.onConsoleMessage(msg -> {
        if (msg.type().equals("error")) {
          refused.add(msg.text());
        }
      });
      page.click("#open-network");
      page.waitForURL("**/entities/importer/" + importer + "/network**");
      page.waitForSelector("#network-chart[data-drawn=true]");
      assertThat((Boolean) page.evaluate("() => !!echarts.getInstanceByDom(document.getElementById('network-chart'))"))
          .isTrue();
      assertThat(page.textContent("h1")).contains("거래 네트워크").contains(importer);
      int parties = Integer.parseInt(page.textContent("#network-parties").trim());
      assertThat(page.locator("#network-table tbody tr").count()).isEqualTo(parties).isGreaterThan(1);
      assertThat(page.locator("#network-table tbody tr").first().locator("th a").first().textContent().trim())
          .isEqualTo(importer);
      // no script error and nothing the page's CSP refused while drawing
      assertThat(refused).isEmpty();
      Axe.check(page, "network");
      shot(page, "network.png");
      page.locator("#network-chart").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("network-drawing.png")));

      // take the first open red case
      page.navigate(s.base + "/queue?lane=red");
      Locator first = page.locator("#queue tbody tr").first();
      String id = first.locator("th a").textContent().trim();
      first.locator("input[name=ids]").check();
      page.click("#assign-me");
      page.waitForURL("**/queue**");
      page.click("nav a[href='/queue?assignee=me']");
      page.waitForURL("**assignee=me**");
      assertThat(page.locator("#queue tbody th a").allTextContents()).contains(id);
      Axe.check(page, "my cases");
      shot(page, "my-cases.png");

      page.locator("#queue tbody th a", new Page.LocatorOptions().setHasText(id)).first().click();
      page.waitForURL("**/declarations/" + id);
      assertThat(page.textContent("#case-assignee")).isEqualTo("ana");
      assertThat(page.textContent("#recorded")).contains("아직 기록된 결과가 없습니다");
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('reasons-chart'))");
      Axe.check(page, "case");
      page.check("input[name=fraud][value=true]");
      page.fill("input[name=amount]", "2,500");
      page.fill("input[name=note]", "송장 가격 축소 — undervalued, recorded by the browser test");
      page.click("#record");
      page.waitForURL("**/declarations/" + id);
      assertThat(page.textContent("#recorded")).contains("적발").contains("ana").contains("2,500");
      assertThat(page.textContent("#recorded-note")).contains("송장 가격 축소");
      assertThat(page.textContent("#case-state")).contains("종결");
      assertThat(s.platform.declarations().find(id).orElseThrow().result()).hasValueSatisfying(r -> {
        assertThat(r.fraud()).isTrue();
        assertThat(r.amount()).isEqualTo(2500);
      });
      Axe.check(page, "case with its result");
      shot(page, "declaration.png");

      // the HS check and a scanned document on the same page
      page.fill("input[name=describe]", "sawn wood of oak");
      page.click("#hs button[type=submit]");
      page.waitForSelector("#hs-suggestions");
      assertThat(page.locator("#hs-suggestions tbody tr").count()).isPositive();
      Path scan = SHOTS.resolve("scan.png");
      Files.write(scan, org.riskgate.server.api.ChecksApiTest.page());
      page.fill("#documents input[name=issuer]", "KR-017");
      page.setInputFiles("#documents input[name=document]", scan);
      page.click("#documents button[type=submit]");
      page.waitForSelector("svg.page rect.box");
      Axe.check(page, "case with a document");
      page.locator("#documents").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("documents.png")));

      page.navigate(s.base + "/dashboard");
      page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('lane-mix'))");
      assertThat(Integer.parseInt(page.textContent("#recorded-count").trim())).isEqualTo(recordedBefore + 1);
      Axe.check(page, "dashboard");
      shot(page, "dashboard.png");

      // a supervisor reads what happened to the case
      page.click("form.logout button[type=submit]");
      page.waitForURL("**/login");
      login(page, s.base, "sue");
      page.click("nav a[href='/audit']");
      page.waitForURL("**/audit");
      page.fill("input[name=subject]", id);
      page.click("#audit-filters button[type=submit]");
      page.waitForURL("**subject=**");
      assertThat(page.locator("#audit tbody td:nth-child(4)").allTextContents())
          .contains("검사 결과", "사건 변경", "검사 구분 판정");
      Axe.check(page, "audit");
      shot(page, "audit.png");
      // a draft rule backtested against the stored history, not saved
      page.navigate(s.base + "/settings");
      page.fill("#rules-text", "rule \"wood\"\n  when hs2 = \"44\"\n  then lane red");
      page.click("#backtest");
      page.waitForSelector("#backtest-report");
      assertThat(page.textContent("#backtest-report tbody th")).isEqualTo("wood");
      Axe.check(page, "rules backtest");
      shot(page, "backtest.png");
      // ... then saved: the backtested text is the one in force, and the workbench shows it
      String rulesBefore = s.platform.decisions().config().rulesText();
      page.click("#rules button[value=save]");
      page.waitForURL("**/settings");
      assertThat(s.platform.decisions().config().rulesText()).contains("rule \"wood\"");
      assertThat(page.inputValue("#rules-text")).contains("rule \"wood\"");
      s.platform.changeRules(rulesBefore, "test");

      // the period's high-risk groups; one becomes a rule draft in the workbench
      page.navigate(s.base + "/groups?from=2020-07-01&to=2020-12-31");
      assertThat(page.textContent("h1")).isEqualTo("고위험 집단");
      Axe.check(page, "groups");
      shot(page, "groups.png");
      page.locator("form.make-rule button").first().click();
      page.waitForURL("**/settings/rules");
      assertThat(page.inputValue("#rules-text")).contains("rule \"group-");
      Axe.check(page, "rule draft from a group");
      // and one (with a country or HS criterion, when the period has one) a watchlist
      page.navigate(s.base + "/groups?from=2020-07-01&to=2020-12-31");
      if (page.locator("form.make-watchlist").count() > 0) {
        page.locator("form.make-watchlist button").first().click();
        page.waitForURL("**/watchlists/new**");
        Axe.check(page, "watchlist from a group");
        page.click("#watchlist-form button[type=submit]");
        page.waitForURL("**/watchlists");
        assertThat(page.locator("#watchlists tbody tr").count()).isPositive();
        Axe.check(page, "watchlists");
        shot(page, "watchlists.png");
        page.locator("#watchlists tbody th a").first().click();
        page.waitForURL("**/watchlists/**");
        Axe.check(page, "watchlist editor");
        shot(page, "watchlist.png");
        page.click("#watchlist-delete button");
        page.waitForURL("**/watchlists");
      }
      page.navigate(s.base + "/dashboard");
      assertThat(page.locator("#drift-state").count()).isEqualTo(1);
      assertThat(page.locator("#by-officer tbody tr").count()).isPositive();
      page.uncheck("#smooth-toggle");
      Axe.check(page, "dashboard as supervisor");
      shot(page, "dashboard-supervisor.png");
      page.navigate(s.base + "/documents");
      assertThat(page.locator("#documents-table tbody tr").count()).isPositive();
      Axe.check(page, "documents");
      shot(page, "documents-page.png");
      for (String other : List.of("/settings", "/models", "/sql", "/access", "/groups", "/watchlists",
          "/watchlists/new", "/queue?lane=red", "/no/such/page")) {
        page.navigate(s.base + other);
        Axe.check(page, other);
      }
      page.navigate(s.base + "/models");
      shot(page, "models.png");
      // an admin's user and token page
      page.click("form.logout button[type=submit]");
      page.waitForURL("**/login");
      login(page, s.base, "adam");
      page.navigate(s.base + "/access");
      assertThat(page.locator("#users tbody tr").count()).isGreaterThanOrEqualTo(3);
      Axe.check(page, "access as admin");
      shot(page, "access.png");

      // a phone: nothing wider than the screen, still clean
      BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
          .setLocale("ko-KR").setIsMobile(true));
      Page small = phone.newPage();
      login(small, s.base, "ana");
      for (String path : List.of("/queue", "/declarations/" + id, "/dashboard",
          "/entities/importer/" + importer + "/network", "/groups")) {
        small.navigate(s.base + path);
        assertThat((Integer) small.evaluate("() => document.documentElement.scrollWidth")).as(path).isLessThanOrEqualTo(390);
        Axe.check(small, path + " at 390 px");
      }
      small.navigate(s.base + "/queue");
      shot(small, "queue-390.png");
      // a supervisor's pages on the phone: their wide tables scroll inside a region the keyboard can reach
      small.click("form.logout button[type=submit]");
      small.waitForURL("**/login");
      login(small, s.base, "sue");
      for (String path : List.of("/audit", "/settings", "/models", "/watchlists", "/documents", "/access")) {
        small.navigate(s.base + path);
        assertThat((Integer) small.evaluate("() => document.documentElement.scrollWidth")).as(path).isLessThanOrEqualTo(390);
        Axe.check(small, path + " at 390 px");
      }

      // the same pages in English, for a browser that asks for it: every one clean too
      BrowserContext en = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
          .setLocale("en-GB"));
      Page english = en.newPage();
      login(english, s.base, "sue");
      for (String path : List.of("/queue", "/declarations/" + id, "/dashboard", "/entities/importer/" + importer,
          "/entities/importer/" + importer + "/network", "/groups", "/watchlists", "/documents", "/audit",
          "/settings", "/models", "/access", "/no/such/page")) {
        english.navigate(s.base + path);
        assertThat(english.getAttribute("html", "lang")).as(path).isEqualTo("en");
        Axe.check(english, path + " in English");
      }
      english.navigate(s.base + "/declarations/" + id);
      assertThat(english.textContent("#recorded")).contains("fraud found").contains("2,500");
      shot(english, "declaration-en.png");
    }
  }
}
