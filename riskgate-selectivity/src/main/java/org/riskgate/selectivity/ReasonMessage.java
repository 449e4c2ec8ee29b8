package org.riskgate.selectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.riskgate.core.evidence.Texts;

/**
 * A reason's words as a stable code and arguments, rendered per locale from a message bundle: the
 * decider's own beside it ({@code org/riskgate/selectivity/reasons*.properties}), or a check's,
 * for a finding its module can tell in other languages (see {@link
 * org.riskgate.core.evidence.Finding}). An argument is a value already written out (a score, a
 * rank, an office) or a nested message (the phrase saying what the lanes ranked by, or where the
 * capacity was), so each language orders the parts as its grammar needs; patterns are filled by
 * {@link Texts#render}.
 *
 * <p>The English texts are rendered from the base bundle and are the texts reasons always had:
 * stored decisions, tests and the audit log read them as before.
 *
 * @param bundle the base name of the bundle that has the code
 * @param code the pattern's key; empty for a reason whose words come from elsewhere (an analyst's
 *     rule, a check's finding told in English only), which then reads the same in every language
 * @param args values and nested messages, in the pattern's order
 */
public record ReasonMessage(String bundle, String code, List<Object> args) {
  /** The decider's bundle. */
  public static final String REASONS = "org.riskgate.selectivity.reasons";
  /** No code: the reason's text is its words in every language. */
  public static final ReasonMessage NONE = new ReasonMessage(REASONS, "", List.of());

  public ReasonMessage {
    bundle = bundle == null || bundle.isEmpty() ? REASONS : bundle;
    Objects.requireNonNull(code, "code");
    List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
    for (int i = 0; i < copy.size(); i++) {
      copy.set(i, argument(copy.get(i)));
    }
    args = List.copyOf(copy);
  }

  /** A message of the decider's bundle from its code and arguments (strings or messages). */
  public static ReasonMessage of(String code, Object... args) {
    return new ReasonMessage(REASONS, code, List.of(args));
  }

  /** A module's phrase as a reason's message, nested phrases too. */
  public static ReasonMessage of(org.riskgate.core.evidence.Phrase p) {
    return new ReasonMessage(p.bundle(), p.code(), p.args());
  }

  /**
   * An argument as kept: a string, or a message; a message read back from JSON arrives as a map
   * of its fields.
   */
  private static Object argument(Object a) {
    return switch (a) {
      case String s -> s;
      case ReasonMessage m -> m;
      case org.riskgate.core.evidence.Phrase p -> of(p);
      case Map<?, ?> m when m.get("code") instanceof String c -> new ReasonMessage(
          m.get("bundle") instanceof String b ? b : REASONS, c,
          m.get("args") instanceof List<?> l ? new ArrayList<>(l) : List.of());
      case null, default -> throw new IllegalArgumentException("a reason's argument is text or a message: " + a);
    };
  }

  /**
   * The message in a language; the English base where the language has no pattern for the code.
   *
   * @throws IllegalArgumentException when the bundle has no such code
   */
  public String render(Locale locale) {
    List<String> written = args.stream().map(a -> a instanceof ReasonMessage m ? m.render(locale) : (String) a)
        .toList();
    return Texts.render(bundle, code, locale, written);
  }

  /** The message in English, the reasons' stored text. */
  public String english() {
    return render(Locale.ROOT);
  }
}
