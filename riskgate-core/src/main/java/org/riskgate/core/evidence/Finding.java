package org.riskgate.core.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a check found worth telling the analyst, whatever lane the declaration gets.
 *
 * @param kind the check that found it
 * @param text one sentence for the analyst (English)
 * @param bundle the message bundle of the check's module that has the sentence's pattern in other
 *     languages; empty when the sentence has none and reads the same in every language
 * @param code the pattern's code in {@code bundle}
 * @param args the pattern's arguments, written out
 */
public record Finding(EvidenceKind kind, String text, String bundle, String code, List<String> args) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
    if (text.isBlank()) {
      throw new IllegalArgumentException("a finding needs a text");
    }
  }

  /** A finding told in English only. */
  public Finding(EvidenceKind kind, String text) {
    this(kind, text, "", "", List.of());
  }

  /** A finding from a pattern of its module's bundle, its text the English one. */
  public static Finding of(EvidenceKind kind, String bundle, String code, String... args) {
    List<String> a = List.of(args);
    return new Finding(kind, Texts.render(bundle, code, Locale.ROOT, a), bundle, code, a);
  }
}
