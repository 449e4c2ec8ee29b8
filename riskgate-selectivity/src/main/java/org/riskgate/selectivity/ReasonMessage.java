package org.riskgate.selectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A reason's words as a stable code and arguments, rendered per locale from the message bundle
 * beside the decider ({@code org/riskgate/selectivity/reasons*.properties}). An argument is a
 * value already written out (a score, a rank, an office) or a nested message (the phrase saying
 * what the lanes ranked by, or where the capacity was), so each language orders the parts as its
 * grammar needs. A pattern names its arguments {@code {0}}, {@code {1}} ...; nothing else in it is
 * special (no {@link java.text.MessageFormat} quoting), so a pattern reads as the text it makes.
 *
 * <p>The English texts are rendered from the base bundle and are the texts reasons always had:
 * stored decisions, tests and the audit log read them as before.
 *
 * @param code the pattern's key; empty for a reason whose words come from elsewhere (an analyst's
 *     rule, a check's finding), which then reads the same in every language
 * @param args values and nested messages, in the pattern's order
 */
public record ReasonMessage(String code, List<Object> args) {
  /** No code: the reason's text is its words in every language. */
  public static final ReasonMessage NONE = new ReasonMessage("", List.of());

  private static final String BUNDLE = "org.riskgate.selectivity.reasons";
  private static final ResourceBundle.Control NO_DEFAULT =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public ReasonMessage {
    Objects.requireNonNull(code, "code");
    List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
    for (int i = 0; i < copy.size(); i++) {
      copy.set(i, argument(copy.get(i)));
    }
    args = List.copyOf(copy);
  }

  /** A message from its code and arguments (strings or messages). */
  public static ReasonMessage of(String code, Object... args) {
    return new ReasonMessage(code, List.of(args));
  }

  /**
   * An argument as kept: a string, or a message; a message read back from JSON arrives as a map
   * of its fields.
   */
  private static Object argument(Object a) {
    return switch (a) {
      case String s -> s;
      case ReasonMessage m -> m;
      case Map<?, ?> m when m.get("code") instanceof String c -> new ReasonMessage(c,
          m.get("args") instanceof List<?> l ? new ArrayList<>(l) : List.of());
      case null, default -> throw new IllegalArgumentException("a reason's argument is text or a message: " + a);
    };
  }

  /**
   * The message in a language; the English base where the language has no pattern for the code.
   *
   * @throws IllegalArgumentException when no bundle has the code (a code the decider never made)
   */
  public String render(Locale locale) {
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT);
    String pattern;
    try {
      pattern = b.getString(code);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no reason pattern for code '" + code + "'", e);
    }
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        if (n >= args.size()) {
          throw new IllegalArgumentException("reason '" + code + "' has no argument {" + n + "}");
        }
        Object a = args.get(n);
        out.append(a instanceof ReasonMessage m ? m.render(locale) : (String) a);
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The message in English, the reasons' stored text. */
  public String english() {
    return render(Locale.ROOT);
  }
}
