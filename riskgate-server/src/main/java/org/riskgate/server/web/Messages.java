package org.riskgate.server.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The UI's words, dates and amounts in one language: a message bundle per language
 * ({@code i18n/messages.properties} English, {@code i18n/messages_ko.properties} Korean) and the
 * language's formats. Amounts are in Korean won, the currency of the declarations' item prices.
 */
public final class Messages {
  /** The languages the UI speaks, the first the default. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);
  private static final Currency WON = Currency.getInstance("KRW");
  // "2,500", "2500", "2,500.50", "₩2,500", "2,500원": grouping commas only in groups of three
  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
  private static final ResourceBundle.Control BASE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;
  private final ZoneId zone;

  private Messages(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
    // no fallback to the JVM's default locale: a missing Korean key reads the English base
    this.bundle = ResourceBundle.getBundle(org.riskgate.server.Refusals.BUNDLE, locale, BASE_FALLBACK);
  }

  /** The messages of a supported language (English for any other), times shown in UTC. */
  public static Messages of(Locale locale) {
    return new Messages(supported(locale), ZoneId.of("UTC"));
  }

  private static Locale supported(Locale l) {
    return SUPPORTED.stream().filter(s -> s.getLanguage().equals(l.getLanguage())).findFirst().orElse(SUPPORTED.get(0));
  }

  /**
   * The language to answer in: the user's own setting when there is one, else the best match of
   * the browser's {@code Accept-Language}, else English.
   */
  public static Locale choose(Optional<String> userSetting, String acceptLanguage) {
    if (userSetting.isPresent()) {
      return supported(Locale.forLanguageTag(userSetting.get()));
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        Locale l = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
        if (l != null) {
          return l;
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header is the browser's problem: answer in the default language
      }
    }
    return SUPPORTED.get(0);
  }

  /** Whether a language tag names a supported language. */
  public static boolean isSupported(String tag) {
    return SUPPORTED.stream().anyMatch(s -> s.toLanguageTag().equals(tag));
  }

  /** The language tag, for {@code <html lang>}. */
  public String lang() {
    return locale.toLanguageTag();
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The message of a key with {@code {0}}, {@code {1}}, ... replaced by the arguments.
   *
   * @throws java.util.MissingResourceException for an unknown key (a test checks every key used)
   */
  public String t(String key, Object... args) {
    String s = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /**
   * A decision's reason in this language, from its code and the bundle of the module that gave
   * it (the decider's capacity, thresholds and picks, a rule without a written reason, the HS,
   * documents, profile, network and watchlist checks, the model's features); a reason an
   * analyst wrote into a rule reads as written. Reasons stored before they had codes read as
   * stored.
   */
  public String reason(org.riskgate.selectivity.Reason r) {
    return r.text(locale);
  }

  /** Where a reason comes from, in words: "rule wood", "model", "HS check" ... */
  public String source(String source) {
    if (source.startsWith("rule:")) {
      return t("reason.source.rule", source.substring(5));
    }
    return has("reason.source." + source) ? t("reason.source." + source) : source;
  }

  /** What an audit entry records, from its kind ("comment" for case_comment); a kind not in the bundle as stored. */
  public String auditKind(String kind) {
    return has("audit.kind." + kind) ? t("audit.kind." + kind) : kind;
  }

  /** A module's phrase (an HS check, a document report) in this language. */
  public String phrase(org.riskgate.core.evidence.Phrase p) {
    return p.render(locale);
  }

  /** A module's phrases (what an HS check flagged) in this language, joined by "; ". */
  public String phrases(List<org.riskgate.core.evidence.Phrase> ps) {
    return String.join("; ", ps.stream().map(this::phrase).toList());
  }

  /**
   * What a refused request tells the user: the exception's words in this language when it has
   * a code ({@link org.riskgate.server.Worded}), else its message as given.
   */
  public String refusal(Throwable e) {
    return org.riskgate.server.Worded.of(e).map(this::phrase).orElseGet(() -> String.valueOf(e.getMessage()));
  }

  /**
   * A country's name in this language from its ISO 3166 code ("Belgium", "벨기에" for BE), as the
   * JDK's locale data has it; empty for a code it does not know, which is then shown bare.
   */
  public Optional<String> country(String code) {
    if (code == null || !code.matches("[A-Z]{2}")) {
      return Optional.empty();
    }
    String name = Locale.of("", code).getDisplayCountry(locale);
    return name.isEmpty() || name.equals(code) ? Optional.empty() : Optional.of(name);
  }

  /** Whether the bundle has a message for this key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A date in the language's medium style ("Mar 14, 2021", "2021. 3. 14."). */
  public String date(LocalDate d) {
    return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }

  /** A moment to the minute, in UTC. */
  public String time(Instant t) {
    return t.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)) + " UTC";
  }

  /** A whole number with the language's grouping. */
  public String integer(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** A quantity with at most two decimals. */
  public String number(double v) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(2);
    return f.format(v);
  }

  /** An amount in won with the currency sign, whole won. */
  public String amount(double v) {
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(WON);
    f.setMaximumFractionDigits(0);
    return f.format(v);
  }

  /** A share as a percentage with one decimal; "n/a" in the language when undefined. */
  public String pct(double v) {
    if (Double.isNaN(v)) {
      return t("common.na");
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(v);
  }

  /**
   * Reads an amount as officers type it: "2500", "2,500", "2,500.50", with or without "₩" or "원".
   *
   * @throws IllegalArgumentException naming the value when it is not such an amount
   */
  public double parseAmount(String typed) {
    String s = typed.strip().replace("₩", "").replace("원", "").replace("KRW", "").strip();
    if (s.isEmpty()) {
      return 0;
    }
    if (!AMOUNT.matcher(s).matches()) {
      throw new IllegalArgumentException(t("error.amount", typed));
    }
    return Double.parseDouble(s.replace(",", ""));
  }
}
