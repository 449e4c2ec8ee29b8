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
 * @param args the pattern's arguments: text written out, or nested {@link Phrase}s (a label)
 */
public record Finding(EvidenceKind kind, String text, String bundle, String code, List<Object> args) {
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
    return of(kind, new Phrase(bundle, code, List.of((Object[]) args)));
  }

  /** A finding from a module's phrase, its text the English one. */
  public static Finding of(EvidenceKind kind, Phrase p) {
    return new Finding(kind, p.english(), p.bundle(), p.code(), p.args());
  }

  /** The finding in a language: its phrase there, or its text when it has no code. */
  public String render(Locale locale) {
    return code.isEmpty() ? text : new Phrase(bundle, code, args).render(locale);
  }
}
