package org.riskgate.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to and reads the audit log. There is deliberately no update or delete here, and the
 * store refuses them anyway (see the V2 migrations); each entry is chained to the one before
 * by its hash ({@link AuditChain}), so a change made with the guards switched off shows.
 */
public final class AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (logged_at, actor, kind, subject, detail, chain_hash) VALUES (?, ?, ?, ?, ?, ?)";
  // the head a transaction on this thread moved the chain to; Database writes it out after commit
  private static final ThreadLocal<AuditChain.Head> PENDING = new ThreadLocal<>();

  private AuditLog() {}

  /** The head appended by this thread's transaction since the last call, if any (and forgets it). */
  static AuditChain.Head takePending() {
    AuditChain.Head h = PENDING.get();
    PENDING.remove();
    return h;
  }

  /** A line to append. */
  public record Line(String actor, String kind, String subject, String detail) {}

  /** A line as appended: its place in the log, its time and its chain hash. */
  public record Appended(long seq, Instant loggedAt, Line line, String hash) {}

  /** Appends one line on the caller's connection, inside the caller's transaction. */
  public static void append(Connection c, String actor, String kind, String subject, String detail)
      throws SQLException {
    appendAll(c, List.of(new Line(actor, kind, subject, detail)));
  }

  /**
   * Appends lines in one batch, inside the caller's transaction. The chain's head row is locked
   * until that transaction ends, so concurrent appends are chained one after the other.
   *
   * @return the entries as stored, in order
   */
  public static List<Appended> appendAll(Connection c, List<Line> lines) throws SQLException {
    if (lines.isEmpty()) {
      return List.of();
    }
    // what the store keeps (PostgreSQL: microseconds) must hash as it was written: milliseconds
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String previous;
    try (PreparedStatement ps = c.prepareStatement("SELECT chain_hash FROM audit_head WHERE id = 1 FOR UPDATE");
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit head row is missing: the store was tampered with", "42501");
      }
      previous = rs.getString(1);
    }
    List<String> hashes = new ArrayList<>(lines.size());
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Line l : lines) {
        String hash = AuditChain.hash(previous, now, l.actor(), l.kind(), l.subject(), l.detail());
        hashes.add(hash);
        ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setString(2, l.actor());
        ps.setString(3, l.kind());
        ps.setString(4, l.subject());
        ps.setString(5, l.detail());
        ps.setString(6, hash);
        ps.addBatch();
        previous = hash;
      }
      ps.executeBatch();
    }
    long seq;
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_log");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    moveHead(c, seq, previous);
    // the head row's lock keeps other appends out, so this batch's entries are numbered one after the other
    List<Appended> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      out.add(new Appended(seq - lines.size() + 1 + i, now, lines.get(i), hashes.get(i)));
    }
    return out;
  }

  /**
   * Puts entries back as they were appended (same number, time and hash), inside the caller's
   * transaction: the redo of a commit that the store lost and its journal kept. They must follow
   * the log's last entry.
   */
  static void restore(Connection c, List<Appended> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT chain_hash FROM audit_head WHERE id = 1 FOR UPDATE");
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit head row is missing: the store was tampered with", "42501");
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, logged_at, actor, kind, subject,"
        + " detail, chain_hash) OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Appended a : entries) {
        ps.setLong(1, a.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(a.loggedAt(), ZoneOffset.UTC));
        ps.setString(3, a.line().actor());
        ps.setString(4, a.line().kind());
        ps.setString(5, a.line().subject());
        ps.setString(6, a.line().detail());
        ps.setString(7, a.hash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Appended last = entries.get(entries.size() - 1);
    moveHead(c, last.seq(), last.hash());
  }

  private static void moveHead(Connection c, long seq, String hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, chain_hash = ? WHERE id = 1")) {
      ps.setLong(1, seq);
      ps.setString(2, hash);
      ps.executeUpdate();
    }
    PENDING.set(new AuditChain.Head(seq, hash));
  }

  /** The latest entries, newest first, optionally only those about one subject. */
  public static List<AuditEntry> latest(Database db, String subjectOrEmpty, int limit) {
    return db.read(c -> {
      String sql = "SELECT seq, logged_at, actor, kind, subject, detail FROM audit_log"
          + (subjectOrEmpty.isEmpty() ? "" : " WHERE subject = ?") + " ORDER BY seq DESC LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (!subjectOrEmpty.isEmpty()) {
          ps.setString(i++, subjectOrEmpty);
        }
        ps.setInt(i, limit);
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs));
          }
        }
        return out;
      }
    });
  }

  /** A page of the entries a query matches, newest first, with their count. */
  public static AuditPage search(Database db, AuditQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    q.actor().ifPresent(a -> {
      where.append(" AND actor = ?");
      args.add(a);
    });
    q.kind().ifPresent(k -> {
      where.append(" AND kind = ?");
      args.add(k);
    });
    q.subject().ifPresent(x -> {
      where.append(" AND subject = ?");
      args.add(x);
    });
    q.from().ifPresent(d -> {
      where.append(" AND logged_at >= ?");
      args.add(OffsetDateTime.of(d.atStartOfDay(), ZoneOffset.UTC));
    });
    q.to().ifPresent(d -> {
      where.append(" AND logged_at < ?");
      args.add(OffsetDateTime.of(d.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
    });
    return db.read(c -> {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      int pages = (int) Math.max(1, (total + q.size() - 1) / q.size());
      int page = Math.min(q.page(), pages);
      List<AuditEntry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, logged_at, actor, kind, subject, detail FROM audit_log"
          + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
        List<Object> all = new ArrayList<>(args);
        all.add(q.size());
        all.add((long) (page - 1) * q.size());
        bind(ps, all);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs));
          }
        }
      }
      return new AuditPage(out, total, page, q.size());
    });
  }

  /** The kinds of entry the log holds, for the audit page's filter. */
  public static List<String> kinds(Database db) {
    return db.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT kind FROM audit_log ORDER BY kind");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6));
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }

  /** How many entries the log holds. */
  public static long count(Database db) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
