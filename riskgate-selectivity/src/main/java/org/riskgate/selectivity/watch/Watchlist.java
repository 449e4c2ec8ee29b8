package org.riskgate.selectivity.watch;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.riskgate.core.Declaration;
import org.riskgate.selectivity.Refusals;

/**
 * A named list that supervisors maintain.
 *
 * @param name how rules name it ({@code in watchlist "NAME"})
 * @param kind what its entries are
 * @param description why the list exists, shown in reasons
 * @param entries party ids, country codes, or HS codes (an HS code matches the codes it begins)
 */
public record Watchlist(String name, Kind kind, String description, Set<String> entries)
    implements java.io.Serializable {
  /** The longest name. */
  public static final int MAX_NAME = 100;
  /** The longest entry. */
  public static final int MAX_ENTRY = 64;

  /** What a list holds, and which of a declaration's fields are looked up in it. */
  public enum Kind {
    IMPORTER(List.of("importer")),
    DECLARANT(List.of("declarant")),
    SELLER(List.of("seller")),
    /** A company in any role: importer, declarant, seller or courier. */
    COMPANY(List.of("importer", "declarant", "seller", "courier")),
    /** Countries of origin or departure. */
    COUNTRY(List.of("origin", "departure")),
    /** HS codes, matched as prefixes: "7208" holds every code beginning 7208. */
    HS(List.of("hs", "hs2", "hs4", "hs6"));

    private final List<String> fields;

    Kind(List<String> fields) {
      this.fields = fields;
    }

    /** The rule fields whose values this kind of list holds. */
    public List<String> fields() {
      return fields;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a label ({@code importer}, {@code hs} ...). */
    public static Optional<Kind> named(String label) {
      for (Kind k : values()) {
        if (k.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public Watchlist {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    checkName(name);
    entries = Set.copyOf(entries);
    for (String e : entries) {
      checkEntry(kind, e);
    }
  }

  /**
   * Checks a list's name.
   *
   * @throws IllegalArgumentException saying what a name may hold
   */
  public static void checkName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0," + (MAX_NAME - 1) + "}")) {
      throw Refusals.refused("watchlist.name", String.valueOf(MAX_NAME), String.valueOf(name));
    }
  }

  /**
   * Checks one entry for a kind of list.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static void checkEntry(Kind kind, String entry) {
    if (entry == null || entry.isBlank() || entry.length() > MAX_ENTRY || !entry.strip().equals(entry)
        || entry.chars().anyMatch(c -> c < 0x20)) {
      throw Refusals.refused("watchlist.entry", String.valueOf(MAX_ENTRY), String.valueOf(entry));
    }
    if (kind == Kind.HS && !entry.matches("[0-9]{2,10}")) {
      throw Refusals.refused("watchlist.hsEntry", entry);
    }
  }

  /** Whether a field's value is on the list. */
  public boolean contains(String value) {
    if (value.isEmpty()) {
      return false;
    }
    if (kind != Kind.HS) {
      return entries.contains(value);
    }
    for (int n = 2; n <= value.length(); n++) {
      if (entries.contains(value.substring(0, n))) {
        return true;
      }
    }
    return false;
  }

  /** A declaration's value of one of the {@link Kind#fields() fields} lists are looked up by. */
  static Function<Declaration, String> field(String name) {
    return switch (name) {
      case "importer" -> Declaration::importerId;
      case "declarant" -> Declaration::declarantId;
      case "seller" -> Declaration::sellerId;
      case "courier" -> Declaration::courierId;
      case "origin" -> Declaration::originCountry;
      case "departure" -> Declaration::departureCountry;
      case "hs", "hs2", "hs4", "hs6" -> Declaration::hsCode;
      default -> throw new IllegalArgumentException("no watchlist looks up " + name);
    };
  }
}
