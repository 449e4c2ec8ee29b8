package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/**
 * A declaration page in Korean shows no reason in English: a rule without a written reason, the
 * model's features, an HS check, the decision's context and a document report, each told from its
 * module's Korean bundle.
 */
class KoreanReasonsTest {
  /** The bundles the reasons come from: the decider's, the model's, the HS, document and profile checks'. */
  private static final List<String> BUNDLES = List.of("org.riskgate.selectivity.reasons", "org.riskgate.risk.reasons",
      "org.riskgate.hs.findings", "org.riskgate.documents.findings", "org.riskgate.profiles.findings");
  private static final ResourceBundle.Control BASE_ONLY =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** The English words of the reasons' patterns (four letters or more), which the Korean ones must not use. */
  private static Set<String> englishWords() {
    Set<String> words = new TreeSet<>();
    Pattern word = Pattern.compile("\\b[a-z]{4,}\\b");
    for (String b : BUNDLES) {
      ResourceBundle en = ResourceBundle.getBundle(b, Locale.ROOT, BASE_ONLY);
      for (String key : en.keySet()) {
        Matcher m = word.matcher(en.getString(key));
        while (m.find()) {
          words.add(m.group());
        }
      }
    }
    return words;
  }

  /**
   * A page of typed lines only, as PNG: ink, but neither stamp nor signature, which the document
   * check tells the analyst (the test server registers no references, so a stamp would only be
   * "no reference" and tell nothing).
   */
  private static byte[] typedPage() throws Exception {
    java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(850, 1100,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = page.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 850, 1100);
    g.setColor(java.awt.Color.BLACK);
    g.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 16));
    for (int line = 0; line < 30; line++) {
      g.drawString("ITEM " + (line + 1) + "  OAK SAWN WOOD  QTY 10  UNIT 100.00  TOTAL 1000.00", 60, 120 + 28 * line);
    }
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(page, "png", out);
    return out.toByteArray();
  }

  @Test
  void aDeclarationPageInKoreanHasNoEnglishReason() throws Exception {
    TestServer s = TestServer.shared();
    // an HS code the nomenclature does not have
    assertThat(s.post("/api/v1/declarations", Role.ANALYST, "{\"id\":\"KO-REASONS\",\"date\":\"2021-04-01\","
        + "\"officeId\":\"30\",\"importerId\":\"KOREAN1\",\"hsCode\":\"999999\",\"originCountry\":\"BE\","
        + "\"taxRate\":8,\"netMass\":10,\"itemPrice\":1000}").statusCode()).isEqualTo(201);
    assertThat(s.platform.declarations().find("KO-REASONS").orElseThrow().decision().lane())
        .isNotEqualTo(org.riskgate.selectivity.Lane.RED);
    // a scanned page with neither stamp nor signature decides it again, now under a rule that wrote no reason and sends it red
    String rulesBefore = s.platform.decisions().config().rulesText();
    s.platform.changeRules(rulesBefore + "\nrule \"r99\"\n  when hs2 = \"99\"\n  then lane red\n", "test");
    try {
      HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(s.base + "/api/v1/declarations/KO-REASONS/documents?issuer=KR-017&name=scan.png"))
          .header("Authorization", "Bearer " + s.tokens.get(Role.ANALYST)).header("Content-Type", "image/png")
          .POST(HttpRequest.BodyPublishers.ofByteArray(typedPage())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    } finally {
      s.platform.changeRules(rulesBefore, "test");
    }
    var reasons = s.platform.declarations().find("KO-REASONS").orElseThrow().decision().reasons();
    // no reference is registered here, so the check has no reason to give (DocumentEvidenceTest renders one in
    // Korean); the page still shows its report, which the words below must not give in English
    assertThat(reasons).extracting(r -> r.source().startsWith("rule:") ? "rule" : r.source())
        .contains("rule", "hs", "model");

    s.platform.auth().createUser("kora", TestServer.PASSWORD, Role.ANALYST, false, "test");
    s.platform.users().setLocale("kora", "ko");
    HostileIdTest.WebSession web = HostileIdTest.WebSession.login(s, "kora");
    Document page = Jsoup.parse(web.get("/declarations/KO-REASONS").body());
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ko");
    List<String> shown = new ArrayList<>(page.select("#reasons li").eachText());
    assertThat(shown).hasSameSizeAs(reasons);
    shown.addAll(page.select("#documents figcaption").eachText());
    shown.addAll(page.select("#hs p").eachText());
    // the chart's labels are the same reasons
    shown.add(page.selectFirst("#reasons-data").data());
    // what the lane was measured against, in words
    assertThat(page.select("#decision-context").text()).contains("검사 구분 방식", "우선순위");
    Set<String> english = englishWords();
    assertThat(english).contains("declared", "inspections", "stamp", "rule");
    for (String text : shown) {
      Set<String> found = new TreeSet<>();
      Matcher m = Pattern.compile("\\b[a-z]{4,}\\b").matcher(text);
      while (m.find()) {
        if (english.contains(m.group())) {
          found.add(m.group());
        }
      }
      assertThat(found).as("English in a Korean reason: " + text).isEmpty();
    }
    assertThat(String.join(" ", shown)).contains("규칙 r99", "HS 2022 코드가 아닙니다", "(발급기관 KR-017)", "결정 사유");
  }
}
