package org.riskgate.core.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Words for an analyst as a code of a module's message bundle and its arguments, each a value
 * already written out or a nested phrase (a label such as "importer", which other languages say
 * differently): what a module gives when its sentence must read in Korean as well as English. The
 * decider keeps it with the reason (riskgate-selectivity's {@code ReasonMessage} reads it).
 *
 * @param bundle the bundle's base name, e.g. {@code org.riskgate.risk.reasons}
 * @param code the pattern's key in it
 * @param args strings and phrases, in the pattern's order
 */
public record Phrase(String bundle, String code, List<Object> args) {
  public Phrase {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
    for (Object a : args) {
      if (!(a instanceof String) && !(a instanceof Phrase)) {
        throw new IllegalArgumentException("a phrase's argument is text or a phrase: " + a);
      }
    }
  }

  /** A phrase of a bundle from its code and arguments. */
  public static Phrase of(String bundle, String code, Object... args) {
    return new Phrase(bundle, code, List.of(args));
  }

  /**
   * The phrase in a language, nested phrases first; the English base where the language has no
   * pattern.
   *
   * @throws IllegalArgumentException when a bundle has no such code
   */
  public String render(Locale locale) {
    return Texts.render(bundle, code, locale,
        args.stream().map(a -> a instanceof Phrase p ? p.render(locale) : (String) a).toList());
  }

  /** The phrase in English. */
  public String english() {
    return render(Locale.ROOT);
  }
}
