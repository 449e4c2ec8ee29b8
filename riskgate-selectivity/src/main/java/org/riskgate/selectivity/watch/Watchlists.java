package org.riskgate.selectivity.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The watchlists in force, looked up by name when a rule is evaluated, so that a supervisor's
 * change reaches the next decision without the rules being parsed again. Implementations are
 * thread-safe.
 */
public interface Watchlists {
  /** No watchlists. */
  Watchlists NONE = of(List.of());

  /** The list of that name, if there is one. */
  Optional<Watchlist> named(String name);

  /** Every list, by name. */
  List<Watchlist> all();

  /** A fixed set of lists. */
  static Watchlists of(List<Watchlist> lists) {
    Map<String, Watchlist> byName = new LinkedHashMap<>();
    for (Watchlist w : lists) {
      if (byName.put(w.name(), w) != null) {
        throw new IllegalArgumentException("two watchlists are named '" + w.name() + "'");
      }
    }
    List<Watchlist> all = List.copyOf(byName.values());
    return new Watchlists() {
      @Override
      public Optional<Watchlist> named(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public List<Watchlist> all() {
        return all;
      }
    };
  }

  /**
   * Reads lists from a file of lines {@code name,kind,entry} (a header line {@code
   * watchlist,kind,entry} may come first; {@code #} starts a comment line). Kinds are {@code
   * importer}, {@code declarant}, {@code seller}, {@code company}, {@code country}, {@code hs}.
   *
   * @throws IllegalArgumentException naming the file, line and field of the first bad line
   */
  static Watchlists read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Watchlist.Kind> kinds = new LinkedHashMap<>();
    Map<String, Set<String>> entries = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals("watchlist,kind,entry"))) {
        continue;
      }
      String at = file + ":" + (i + 1) + ": ";
      String[] f = line.split(",", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException(at + "expected 3 fields watchlist,kind,entry, found " + f.length);
      }
      String name = f[0].strip();
      try {
        Watchlist.checkName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "field watchlist: " + e.getMessage());
      }
      Watchlist.Kind kind = Watchlist.Kind.named(f[1]).orElseThrow(() -> new IllegalArgumentException(at
          + "field kind: '" + f[1].strip() + "' is not importer, declarant, seller, company, country or hs"));
      Watchlist.Kind before = kinds.putIfAbsent(name, kind);
      if (before != null && before != kind) {
        throw new IllegalArgumentException(at + "field kind: watchlist '" + name + "' was " + before.label()
            + " on an earlier line, not " + kind.label());
      }
      String entry = f[2].strip();
      try {
        Watchlist.checkEntry(kind, entry);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "field entry: " + e.getMessage());
      }
      entries.computeIfAbsent(name, k -> new HashSet<>()).add(entry);
    }
    return of(kinds.entrySet().stream()
        .map(e -> new Watchlist(e.getKey(), e.getValue(), "from " + file.getFileName(), entries.get(e.getKey())))
        .toList());
  }
}
