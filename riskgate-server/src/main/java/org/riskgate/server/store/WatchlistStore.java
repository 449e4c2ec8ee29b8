package org.riskgate.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riskgate.selectivity.watch.Watchlist;
import org.riskgate.selectivity.watch.Watchlists;
import org.riskgate.server.Json;

/**
 * The supervisors' watchlists in the store, and the lists in force: decisions read an in-memory
 * copy, replaced after each committed change, so a change reaches the next decision and a
 * decision never waits for the store. Every change is audited with what it replaced.
 */
public final class WatchlistStore implements Watchlists {
  /** The audit subject of watchlist changes is {@code watchlist:NAME}. */
  public static final String AUDIT_PREFIX = "watchlist:";
  /** The most entries one list holds: a list travels in one JSON body of at most 1 MiB. */
  public static final int MAX_ENTRIES = 10_000;

  private final Database db;
  private volatile Watchlists current;

  public WatchlistStore(Database db) {
    this.db = db;
    this.current = Watchlists.of(load());
  }

  @Override
  public Optional<Watchlist> named(String name) {
    return current.named(name);
  }

  @Override
  public List<Watchlist> all() {
    return current.all();
  }

  /** Creates or replaces a list; returns whether it existed before. */
  public synchronized boolean put(Watchlist w, String actor) {
    if (w.entries().size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("a watchlist holds at most " + MAX_ENTRIES + " entries");
    }
    if (w.description().length() > 500) {
      throw new IllegalArgumentException("a watchlist description is at most 500 characters");
    }
    Optional<Watchlist> before = named(w.name());
    db.inTransaction(c -> {
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement del = c.prepareStatement("DELETE FROM watchlists WHERE name = ?")) {
        del.setString(1, w.name());
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO watchlists (name, kind, description, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, w.name());
        ps.setString(2, w.kind().label());
        ps.setString(3, w.description());
        ps.setString(4, actor);
        ps.setTimestamp(5, now);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO watchlist_entries (watchlist, entry) VALUES (?, ?)")) {
        for (String e : w.entries()) {
          ps.setString(1, w.name());
          ps.setString(2, e);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("kind", w.kind().label());
      detail.put("description", w.description());
      detail.put("entries", w.entries().size());
      detail.put("added", difference(w.entries(), before.map(Watchlist::entries).orElse(Set.of())));
      detail.put("removed", difference(before.map(Watchlist::entries).orElse(Set.of()), w.entries()));
      AuditLog.append(c, actor, before.isPresent() ? "watchlist_changed" : "watchlist_created",
          AUDIT_PREFIX + w.name(), Json.write(detail));
      return null;
    });
    current = Watchlists.of(load());
    return before.isPresent();
  }

  /** Deletes a list; returns whether there was one. */
  public synchronized boolean delete(String name, String actor) {
    Optional<Watchlist> before = named(name);
    if (before.isEmpty()) {
      return false;
    }
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM watchlists WHERE name = ?")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      AuditLog.append(c, actor, "watchlist_deleted", AUDIT_PREFIX + name, Json.write(Map.of(
          "kind", before.get().kind().label(), "entries", before.get().entries().size())));
      return null;
    });
    current = Watchlists.of(load());
    return true;
  }

  /** What the audit line lists as added or removed: the first hundred, sorted, so lines stay short. */
  private static List<String> difference(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).sorted().limit(100).toList();
  }

  private List<Watchlist> load() {
    return db.read(c -> {
      Map<String, Set<String>> entries = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT watchlist, entry FROM watchlist_entries");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
      List<Watchlist> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name, kind, description FROM watchlists ORDER BY name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(2);
          out.add(new Watchlist(rs.getString(1), Watchlist.Kind.named(kind).orElseThrow(
              () -> new IllegalStateException("stored watchlist of unknown kind " + kind)), rs.getString(3),
              entries.getOrDefault(rs.getString(1), Set.of())));
        }
      }
      return out;
    });
  }
}
