package org.riskgate.core.evidence;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts for analysts from a module's message bundle, by code, in a language: how a finding (and a
 * decision's reason) is told in Korean as well as English. Each module keeps its patterns beside
 * the code that makes them. A pattern names its arguments {@code {0}}, {@code {1}} ...; nothing
 * else in it is special (no {@link java.text.MessageFormat} quoting or number formats: the
 * arguments come written out), so the base bundle's pattern reads as the English text it makes.
 */
public final class Texts {
  private static final ResourceBundle.Control NO_DEFAULT =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  /**
   * A code's pattern in a language, its arguments put in; the base (English) pattern where the
   * language has none, never the machine's default language.
   *
   * @param bundle the bundle's base name, e.g. {@code org.riskgate.profiles.findings}
   * @throws IllegalArgumentException when the bundle or the code does not exist, or the pattern
   *     names an argument that is not given
   */
  public static String render(String bundle, String code, Locale locale, List<String> args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(bundle, locale, NO_DEFAULT).getString(code);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no pattern for code '" + code + "' in " + bundle, e);
    }
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        if (n >= args.size()) {
          throw new IllegalArgumentException("'" + code + "' in " + bundle + " has no argument {" + n + "}");
        }
        out.append(args.get(n));
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
