package org.riskgate.risk.features;

import java.util.List;
import java.util.function.Function;
import org.riskgate.core.Declaration;

/**
 * The things a declaration's history is kept for. A key is one field or several joined by
 * {@code |} (an HS code from an origin). A key whose first part is blank on a declaration (no
 * seller, no courier) has no history: blank is legitimate and must not pool unrelated rows.
 *
 * <p>The same key has two forms: its text ({@link #value}), which the history is stored and
 * explained under, and its 64-bit fingerprint ({@link #fingerprint}), which scoring looks up
 * without building the text. Both are derived from the same parts, so they cannot disagree.
 */
enum Key {
  IMPORTER(Part.of(Declaration::importerId)),
  DECLARANT(Part.of(Declaration::declarantId)),
  SELLER(Part.of(Declaration::sellerId)),
  COURIER(Part.of(Declaration::courierId)),
  HS6(Part.hs(6)),
  HS4(Part.hs(4)),
  HS2(Part.hs(2)),
  ORIGIN(Part.of(Declaration::originCountry)),
  HS6_ORIGIN(Part.hs(6), Part.of(Declaration::originCountry)),
  IMPORTER_HS6(Part.of(Declaration::importerId), Part.hs(6)),
  DECLARANT_IMPORTER(Part.of(Declaration::declarantId), Part.of(Declaration::importerId)),
  OFFICE_HS2(Part.of(Declaration::officeId), Part.hs(2)),
  TAX_TYPE(Part.of(Declaration::taxType));

  /** Fingerprint of a blank key; no key text hashes to it. */
  static final long BLANK = 0;

  private final List<Part> parts;

  Key(Part... parts) {
    this.parts = List.of(parts);
  }

  /** One field of the declaration, or its first {@code length} characters when length &gt; 0. */
  private record Part(Function<Declaration, String> field, int length) {
    static Part of(Function<Declaration, String> field) {
      return new Part(field, 0);
    }

    static Part hs(int digits) {
      return new Part(Declaration::hsCode, digits);
    }

    int end(String s) {
      return length > 0 ? length : s.length();
    }
  }

  String featurePrefix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The key's text for {@code d}, or "" when it is blank. */
  String value(Declaration d) {
    String first = parts.get(0).field().apply(d);
    if (first.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      String s = i == 0 ? first : p.field().apply(d);
      b.append(i == 0 ? "" : "|").append(s, 0, p.end(s));
    }
    return b.toString();
  }

  /** {@link #fingerprint(CharSequence) fingerprint(value(d))}, without building the text. */
  long fingerprint(Declaration d) {
    long h = Fnv.START;
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      String s = p.field().apply(d);
      if (i == 0 && s.isEmpty()) {
        return BLANK;
      }
      if (i > 0) {
        h = Fnv.add(h, '|');
      }
      for (int c = 0, end = p.end(s); c < end; c++) {
        h = Fnv.add(h, s.charAt(c));
      }
    }
    return Fnv.finish(h);
  }

  /** Fingerprint of a key's text ({@link #BLANK} for ""). */
  static long fingerprint(CharSequence value) {
    if (value.isEmpty()) {
      return BLANK;
    }
    long h = Fnv.START;
    for (int c = 0; c < value.length(); c++) {
      h = Fnv.add(h, value.charAt(c));
    }
    return Fnv.finish(h);
  }

  /**
   * 64-bit FNV-1a over UTF-16 units, finished with a strong mix so that table slots spread. Two
   * different keys share a fingerprint with probability about 2^-64 per pair: with a million keys
   * that is one chance in 10^7 that any two ever collide.
   */
  private static final class Fnv {
    static final long START = 0xcbf29ce484222325L;

    static long add(long h, char c) {
      return (h ^ c) * 0x100000001b3L;
    }

    static long finish(long h) {
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      h ^= h >>> 33;
      return h == BLANK ? 1 : h;
    }
  }
}
