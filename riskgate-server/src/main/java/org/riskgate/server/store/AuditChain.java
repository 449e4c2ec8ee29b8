package org.riskgate.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's hash chain. Each entry's hash is the SHA-256 of a canonical form of its fields
 * and of the previous entry's hash: the JSON array {@code ["riskgate-audit-v1", previous hash,
 * logged at (ISO-8601, milliseconds), actor, kind, subject, detail]}. Whoever holds the store's
 * credentials can still change rows with the guard triggers off, but not without breaking the
 * chain from that entry on; a removed last entry shows against the head kept outside the
 * store (the {@code audit-head} file in the data directory).
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);
  // a mapper of its own: the canonical form must not change when the application's JSON settings do
  private static final ObjectMapper CANONICAL = new ObjectMapper();

  private AuditChain() {}

  /** An entry's chain hash. */
  public static String hash(String previous, Instant loggedAt, String actor, String kind, String subject,
      String detail) {
    try {
      byte[] form = CANONICAL.writeValueAsBytes(List.of("riskgate-audit-v1", previous, loggedAt.toString(), actor,
          kind, subject, detail));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash an audit entry", e);
    }
  }

  /** Where the chain ended at the last commit: entry {@code seq} with hash {@code hash}. */
  public record Head(long seq, String hash) {
    public Head {
      if (!hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("an audit head hash is 64 hex digits");
      }
    }

    String line() {
      return seq + " " + hash + "\n";
    }

    /** Reads a head file written by {@link HeadFile}. */
    public static Head read(Path file) throws IOException {
      String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
      if (parts.length != 2 || !parts[0].matches("[0-9]{1,19}")) {
        throw new IOException(file + ": not an audit head (expected 'SEQ HASH')");
      }
      try {
        return new Head(Long.parseLong(parts[0]), parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The head file, rewritten (atomically, owner-only) after each commit that appended entries. */
  public static final class HeadFile {
    private final Path file;
    private long written = -1;

    public HeadFile(Path file) {
      this.file = file;
    }

    public Path path() {
      return file;
    }

    /** Records a head, unless a later one is recorded already (commits may finish out of order). */
    synchronized void write(Head h) {
      if (h.seq() <= written) {
        return;
      }
      try {
        OwnerOnly.write(file, h.line());
        written = h.seq();
      } catch (IOException e) {
        // the entries are committed; a head file that lags shows up in `audit verify`, never as lost data
        System.getLogger(AuditChain.class.getName()).log(System.Logger.Level.ERROR,
            "cannot write the audit head " + file + ": " + e.getMessage());
      }
    }
  }

  /**
   * What {@code audit verify} found.
   *
   * @param entries chained entries checked
   * @param unchained entries from before the chain existed (not covered)
   * @param problem the first broken link, in words; empty when the chain is intact
   */
  public record Report(long entries, long unchained, Optional<Head> last, Optional<String> problem) {
    public boolean intact() {
      return problem.isEmpty();
    }
  }

  /**
   * Walks the whole log in order and checks every link, then the end of the chain against the
   * head file (when there is one).
   */
  public static Report verify(Database db, Optional<Path> headFile) throws IOException {
    Optional<Head> recorded = headFile.filter(Files::exists).isPresent()
        ? Optional.of(Head.read(headFile.get())) : Optional.empty();
    return db.read(c -> {
      long entries = 0;
      long unchained = 0;
      String previous = GENESIS;
      long previousSeq = 0;
      Optional<Head> headSeen = Optional.empty();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, logged_at, actor, kind, subject, detail, chain_hash"
          + " FROM audit_log ORDER BY seq")) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long seq = rs.getLong(1);
            String stored = rs.getString(7);
            if (stored == null) {
              if (entries > 0) {
                return broken(entries, unchained, previousSeq, previous,
                    "entry " + seq + " has no hash but follows chained entries: its hash was removed");
              }
              unchained++;
              previousSeq = seq;
              continue;
            }
            Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
            String expected = hash(previous, at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            if (!expected.equals(stored)) {
              String around = entries == 0 && unchained == 0 && seq > 1 ? ""
                  : " (the entry before it is " + previousSeq + ")";
              return broken(entries, unchained, previousSeq, previous, "entry " + seq
                  + " does not match its chain hash" + around + ": it, or an entry before it, was changed, removed"
                  + " or moved");
            }
            if (recorded.isPresent() && recorded.get().seq() == seq) {
              if (!recorded.get().hash().equals(stored)) {
                return broken(entries, unchained, previousSeq, previous, "entry " + seq
                    + " is not the one the audit head recorded: the log was rewritten from there on");
              }
              headSeen = recorded;
            }
            previous = stored;
            previousSeq = seq;
            entries++;
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
      Optional<Head> last = entries == 0 ? Optional.empty() : Optional.of(new Head(previousSeq, previous));
      if (recorded.isPresent()) {
        Head r = recorded.get();
        if (headSeen.isEmpty()) {
          return new Report(entries, unchained, last, Optional.of("the audit head records entry " + r.seq()
              + ", which is not in the log (last entry: " + last.map(h -> Long.toString(h.seq())).orElse("none")
              + "): entries at the end were removed"));
        }
        if (last.isPresent() && last.get().seq() != r.seq()) {
          return new Report(entries, unchained, last, Optional.of("entries " + (r.seq() + 1) + " to "
              + last.get().seq() + " come after the recorded audit head " + r.seq() + ": appended by someone"
              + " other than the server, or the server stopped between a commit and writing the head"));
        }
      }
      return new Report(entries, unchained, last, Optional.empty());
    });
  }

  private static Report broken(long entries, long unchained, long seq, String hash, String problem) {
    return new Report(entries, unchained, seq == 0 ? Optional.empty() : Optional.of(new Head(seq,
        hash)), Optional.of(problem));
  }
}
