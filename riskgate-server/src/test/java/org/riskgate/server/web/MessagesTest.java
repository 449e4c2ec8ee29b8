package org.riskgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both bundles have every key, every key the templates and routes use exists, formats per language. */
class MessagesTest {
  /** A key used: a message's ({@code m.t("key"}) or a refusal's ({@code refused("key"}, {@code phrase("key"}). */
  private static final Pattern USED = Pattern.compile("(?:\\.t|\\brefused|\\bphrase)\\(\"([A-Za-z0-9.]+)\"");

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyIsInBothLanguages() throws IOException {
    Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
    Set<String> ko = new TreeSet<>(bundle("messages_ko.properties").stringPropertyNames());
    assertThat(ko).isEqualTo(en);
    assertThat(en).hasSizeGreaterThan(150);
  }

  @Test
  void everyKeyUsedExists() throws IOException {
    Set<String> keys = bundle("messages.properties").stringPropertyNames();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte")),
        Files.walk(Path.of("src/main/java/org/riskgate/server")))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = USED.matcher(Files.readString(f));
        while (m.find()) {
          // a key ending in '.' is completed at run time (lane., role.): its known endings are checked below
          if (!m.group(1).endsWith(".")) {
            used.add(m.group(1));
          }
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    assertThat(keys).containsAll(used);
    assertThat(keys).contains("lane.red", "lane.yellow", "lane.green", "role.analyst", "role.supervisor", "role.admin",
        "role.importer", "role.declarant", "role.seller", "role.courier");
    for (var kind : org.riskgate.selectivity.watch.Watchlist.Kind.values()) {
      assertThat(keys).contains("watchlists.kind." + kind.label());
    }
    assertThat(keys).contains("dash.by.rule", "dash.by.officer", "dash.col.rule", "dash.col.officer",
        "documents.kind.stamp", "documents.kind.signature", "documents.verdict.consistent",
        "documents.verdict.suspicious", "documents.verdict.no_reference");
    for (String check : List.of("matches", "differs", "unreadable", "ocr_unavailable", "not_checked")) {
      assertThat(keys).contains("documents.check." + check);
    }
  }

  @Test
  void koreanIsChosenFromTheUserOrTheBrowser() {
    assertThat(Messages.choose(Optional.empty(), "ko-KR,ko;q=0.9,en;q=0.5")).isEqualTo(Locale.KOREAN);
    assertThat(Messages.choose(Optional.empty(), "fr-FR, en;q=0.3")).isEqualTo(Locale.ENGLISH);
    assertThat(Messages.choose(Optional.of("en"), "ko-KR")).isEqualTo(Locale.ENGLISH);
    assertThat(Messages.choose(Optional.empty(), ";;;=q")).isEqualTo(Locale.ENGLISH);
    assertThat(Messages.of(Locale.KOREAN).t("nav.queue")).isEqualTo("검사 대기열");
    assertThat(Messages.of(Locale.KOREAN).t("queue.page", 2, 9)).isEqualTo("9쪽 중 2쪽");
  }

  @Test
  void datesAndAmountsFollowTheLanguage() {
    Messages en = Messages.of(Locale.ENGLISH);
    Messages ko = Messages.of(Locale.KOREAN);
    LocalDate d = LocalDate.of(2021, 3, 14);
    assertThat(en.date(d)).isEqualTo("Mar 14, 2021");
    assertThat(ko.date(d)).startsWith("2021. 3. 14");
    assertThat(en.amount(2500)).isEqualTo("₩2,500");
    assertThat(ko.amount(2500)).contains("2,500").contains("₩");
    assertThat(en.pct(0.741)).isEqualTo("74.1%");
  }

  @Test
  void amountsAreReadAsOfficersTypeThem() {
    Messages en = Messages.of(Locale.ENGLISH);
    assertThat(en.parseAmount("2,500")).isEqualTo(2500);
    assertThat(en.parseAmount(" 2500 ")).isEqualTo(2500);
    assertThat(en.parseAmount("₩1,234,567.5")).isEqualTo(1234567.5);
    assertThat(en.parseAmount("2,500원")).isEqualTo(2500);
    assertThat(en.parseAmount("")).isZero();
    assertThatThrownBy(() -> en.parseAmount("2,50")).hasMessageContaining("'2,50'");
    assertThatThrownBy(() -> en.parseAmount("-5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> en.parseAmount("1e9")).isInstanceOf(IllegalArgumentException.class);
  }
}
