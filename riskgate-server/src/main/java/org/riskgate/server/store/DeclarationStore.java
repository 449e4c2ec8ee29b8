package org.riskgate.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.core.Declaration;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;
import org.riskgate.server.Json;

/**
 * Declarations, their decisions and inspection results. Writes that belong together (a batch,
 * its decisions and their audit lines) commit in one transaction: all or nothing.
 */
public final class DeclarationStore {
  private static final System.Logger LOG = System.getLogger(DeclarationStore.class.getName());
  private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<org.riskgate.selectivity.DecisionContext> CONTEXT = new TypeReference<>() {};
  private static final String INSERT_DECLARATION = "INSERT INTO declarations (id, batch_id, decl_date,"
      + " office_id, process_type, import_type, import_use, payment_type, transport_mode, declarant_id,"
      + " importer_id, seller_id, courier_id, hs_code, departure_country, origin_country, tax_rate,"
      + " tax_type, origin_indicator, net_mass, item_price, revenue, description, ingested_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_DECISION = "INSERT INTO decisions (declaration_id, model_score,"
      + " score, lane, random_pick, reasons, rules_hit, bundle_id, decided_by, decided_at, decision_context)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_DECLARATION = "SELECT d.id, d.decl_date, d.office_id,"
      + " d.process_type, d.import_type, d.import_use, d.payment_type, d.transport_mode, d.declarant_id,"
      + " d.importer_id, d.seller_id, d.courier_id, d.hs_code, d.departure_country, d.origin_country,"
      + " d.tax_rate, d.tax_type, d.origin_indicator, d.net_mass, d.item_price, d.revenue, d.description";

  private final Database db;

  public DeclarationStore(Database db) {
    this.db = db;
  }

  /** A declaration with the decision made about it. */
  public record Decided(Declaration declaration, StoredDecision decision) {}

  /**
   * Stores a batch with its decisions and their audit lines in one transaction.
   *
   * @return the batch id
   * @throws StoreException with {@link StoreException#isDuplicateKey()} when a declaration id is
   *     already stored; nothing of the batch is then kept
   */
  public long storeBatch(String sourceName, String actor, List<Decided> rows) {
    return db.inTransaction(c -> {
      long batchId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO batches (source_name, rows_stored, received_by, received_at) VALUES (?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, truncate(sourceName, 300));
        ps.setInt(2, rows.size());
        ps.setString(3, actor);
        ps.setTimestamp(4, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          batchId = keys.getLong(1);
        }
      }
      insert(c, batchId, rows);
      return batchId;
    });
  }

  /** Stores one declaration with its decision and audit line, in one transaction. */
  public void storeOne(Decided row) {
    storeMany(List.of(row));
  }

  /**
   * Stores single declarations (no batch) with their decisions and audit lines, in one
   * transaction; on the embedded store the commit is made durable by a line in its journal
   * ({@link Database#inTransaction(Database.Work, java.util.function.Function)}).
   */
  public void storeMany(List<Decided> rows) {
    db.inTransaction(c -> insert(c, null, rows), Redo::line);
  }

  /**
   * Stores again what a journal line holds and the store lacks, row by row: declarations,
   * decisions and audit entries each where missing. A commit should be stored whole or not at all,
   * but after {@code kill -9} H2 has been seen to open a store holding a journaled commit's
   * decision without its declaration or audit line (the file was written while that transaction
   * was open; 3 of 284 kills in {@code bench/kill-soak.sh}'s loop); the redo completes it.
   *
   * @return whether anything of the line was stored now
   */
  static boolean redo(Connection c, Journal.Line line) throws SQLException {
    Redo r;
    try {
      r = Redo.parse(line.text());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException(line.file() + " line " + line.number() + ": not a journal entry riskgate wrote: "
          + e.getMessage(), e);
    }
    List<AuditLog.Appended> audit = r.audit().stream()
        .filter(a -> !exists(c, "SELECT 1 FROM audit_log WHERE seq = ?", a.seq())).toList();
    if (r.result() != null) {
      // a result changes rows that exist already: its audit entry's number tells whether it is stored
      if (audit.isEmpty()) {
        return false;
      }
      applyResult(c, Redo.inspectionResult(r.result()));
    } else {
      List<Object[]> declarations = r.declarations().stream()
          .filter(v -> !exists(c, "SELECT 1 FROM declarations WHERE id = ?", v[0])).toList();
      List<Object[]> decisions = r.decisions().stream()
          .filter(v -> !exists(c, "SELECT 1 FROM decisions WHERE declaration_id = ?", v[0])).toList();
      if (declarations.isEmpty() && decisions.isEmpty() && audit.isEmpty()) {
        return false;
      }
      boolean part = declarations.size() < r.declarations().size() || decisions.size() < r.decisions().size()
          || audit.size() < r.audit().size();
      if (part) {
        LOG.log(System.Logger.Level.WARNING, line.file() + " line " + line.number() + ": the store held part of"
            + " this commit; stored again what it lacked: " + declarations.size() + " declarations, "
            + decisions.size() + " decisions, " + audit.size() + " audit entries");
      }
      insertRows(c, declarations, decisions);
    }
    AuditLog.restore(c, audit);
    return true;
  }

  private static boolean exists(Connection c, String sql, Object key) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("store error: " + e.getMessage(), e);
    }
  }

  static Redo insert(Connection c, Long batchId, List<Decided> rows) throws SQLException {
    Instant now = Instant.now();
    List<Object[]> declarations = new ArrayList<>(rows.size());
    List<Object[]> decisions = new ArrayList<>(rows.size());
    for (Decided row : rows) {
      declarations.add(declarationValues(row.declaration(), batchId, now));
      decisions.add(decisionValues(row.decision()));
    }
    insertRows(c, declarations, decisions);
    List<AuditLog.Line> lines = new ArrayList<>(rows.size());
    for (Decided row : rows) {
      StoredDecision s = row.decision();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("lane", s.lane().label());
      detail.put("score", s.score());
      detail.put("modelScore", s.modelScore());
      detail.put("randomPick", s.randomPick());
      detail.put("reasons", s.reasons());
      detail.put("rulesHit", s.rulesHit());
      detail.put("bundleId", s.bundleId());
      detail.put("decidedAt", s.decidedAt().toString());
      lines.add(new AuditLog.Line(s.decidedBy(), "decision", s.declarationId(), Json.write(detail)));
    }
    return new Redo(declarations, decisions, null, AuditLog.appendAll(c, lines));
  }

  private static void insertRows(Connection c, List<Object[]> declarations, List<Object[]> decisions)
      throws SQLException {
    // declarations first: a decision refers to its declaration
    insertAll(c, INSERT_DECLARATION, DECLARATION_COLUMNS, declarations);
    insertAll(c, INSERT_DECISION, DECISION_COLUMNS, decisions);
  }

  private static void insertAll(Connection c, String sql, int[] columns, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        bind(ps, columns, row);
        ps.addBatch();
        if (++pending == 1000) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  /** The SQL types of {@link #INSERT_DECLARATION}'s parameters, in order. */
  private static final int[] DECLARATION_COLUMNS = {Types.VARCHAR, Types.BIGINT, Types.DATE,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
      Types.DOUBLE, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR,
      Types.TIMESTAMP};
  /** The SQL types of {@link #INSERT_DECISION}'s parameters, in order. */
  private static final int[] DECISION_COLUMNS = {Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR,
      Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR};

  private static Object[] declarationValues(Declaration x, Long batchId, Instant now) {
    return new Object[] {x.id(), batchId, x.date(), x.officeId(), x.processType(), x.importType(), x.importUse(),
        x.paymentType(), x.transportMode(), x.declarantId(), x.importerId(), x.sellerId(), x.courierId(),
        x.hsCode(), x.departureCountry(), x.originCountry(), x.taxRate(), x.taxType(), x.originIndicator(),
        x.netMass(), x.itemPrice(), x.revenue().isPresent() ? x.revenue().getAsDouble() : null,
        truncate(x.description(), 2000), now};
  }

  private static Object[] decisionValues(StoredDecision s) {
    return new Object[] {s.declarationId(), s.modelScore(), s.score(), s.lane().name(), s.randomPick(),
        Json.write(s.reasons()), Json.write(s.rulesHit()), s.bundleId(), s.decidedBy(), s.decidedAt(),
        s.context().isPresent() ? Json.write(s.context().get()) : null};
  }

  /** Binds values of the Java types {@link Redo} reads back for each SQL type. */
  private static void bind(PreparedStatement ps, int[] types, Object[] values) throws SQLException {
    for (int i = 0; i < types.length; i++) {
      Object v = values[i];
      if (v == null) {
        ps.setNull(i + 1, types[i]);
        continue;
      }
      switch (types[i]) {
        case Types.VARCHAR -> ps.setString(i + 1, (String) v);
        case Types.BIGINT -> ps.setLong(i + 1, (Long) v);
        case Types.DATE -> ps.setDate(i + 1, Date.valueOf((LocalDate) v));
        case Types.DOUBLE -> ps.setDouble(i + 1, (Double) v);
        case Types.BOOLEAN -> ps.setBoolean(i + 1, (Boolean) v);
        case Types.TIMESTAMP -> ps.setTimestamp(i + 1, Timestamp.from((Instant) v));
        default -> throw new IllegalStateException("no binding for SQL type " + types[i]);
      }
    }
  }

  /**
   * One journaled commit as its line holds it: single declarations (the values of each
   * declaration's and decision's row as bound) or one inspection result ({@code result}, else
   * null), and the audit entries as appended (number, time, chain hash), so that a redo stores
   * exactly what was acknowledged.
   */
  record Redo(List<Object[]> declarations, List<Object[]> decisions, Object[] result, List<AuditLog.Appended> audit) {
    /** The SQL types of a result's values, in the order {@link #resultValues} gives them. */
    private static final int[] RESULT_COLUMNS = {Types.VARCHAR, Types.BOOLEAN, Types.BIGINT, Types.DOUBLE,
        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP};
    // its own mapper: the line's form must not change with the application's JSON settings
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();

    static Object[] resultValues(InspectionResult r) {
      return new Object[] {r.declarationId(), r.fraud(), (long) r.critical(), r.amount(), r.note(), r.recordedBy(),
          r.recordedAt()};
    }

    static InspectionResult inspectionResult(Object[] v) {
      return new InspectionResult((String) v[0], (Boolean) v[1], Math.toIntExact((Long) v[2]), (Double) v[3],
          (String) v[4], (String) v[5], (Instant) v[6]);
    }

    String line() {
      var root = MAPPER.createObjectNode();
      if (result != null) {
        root.set("result", values(result));
      } else {
        var d = root.putArray("declarations");
        declarations.forEach(v -> d.add(values(v)));
        var x = root.putArray("decisions");
        decisions.forEach(v -> x.add(values(v)));
      }
      var a = root.putArray("audit");
      for (AuditLog.Appended e : audit) {
        a.addArray().add(e.seq()).add(e.loggedAt().toString()).add(e.line().actor()).add(e.line().kind())
            .add(e.line().subject()).add(e.line().detail()).add(e.hash());
      }
      return root.toString();
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode values(Object[] row) {
      var out = MAPPER.createArrayNode();
      for (Object v : row) {
        switch (v) {
          case null -> out.addNull();
          case String t -> out.add(t);
          case Long l -> out.add(l);
          case Double n when n.isNaN() || n.isInfinite() -> out.add(n.toString());
          case Double n -> out.add(n);
          case Boolean b -> out.add(b);
          default -> out.add(v.toString()); // LocalDate, Instant: ISO-8601
        }
      }
      return out;
    }

    static Redo parse(String line) throws JsonProcessingException {
      var root = MAPPER.readTree(line);
      Object[] result = root.has("result") ? row(root.get("result"), RESULT_COLUMNS) : null;
      List<Object[]> declarations = result != null ? List.of() : rows(root.required("declarations"), DECLARATION_COLUMNS);
      List<Object[]> decisions = result != null ? List.of() : rows(root.required("decisions"), DECISION_COLUMNS);
      List<AuditLog.Appended> audit = new ArrayList<>();
      for (var e : root.required("audit")) {
        audit.add(new AuditLog.Appended(e.get(0).longValue(), Instant.parse(e.get(1).textValue()),
            new AuditLog.Line(e.get(2).textValue(), e.get(3).textValue(), e.get(4).textValue(), e.get(5).textValue()),
            e.get(6).textValue()));
      }
      if (result != null ? audit.size() != 1 : declarations.isEmpty() || declarations.size() != decisions.size()
          || audit.size() != declarations.size()) {
        throw new IllegalArgumentException(result != null ? "a result's journal entry holds one audit entry"
            : "a journal entry holds as many declarations, decisions and audit entries");
      }
      return new Redo(declarations, decisions, result, audit);
    }

    private static List<Object[]> rows(com.fasterxml.jackson.databind.JsonNode array, int[] types) {
      List<Object[]> out = new ArrayList<>();
      for (var row : array) {
        out.add(row(row, types));
      }
      return out;
    }

    private static Object[] row(com.fasterxml.jackson.databind.JsonNode row, int[] types) {
      if (row.size() != types.length) {
        throw new IllegalArgumentException("a row of " + row.size() + " values where " + types.length + " are stored");
      }
      Object[] v = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        var n = row.get(i);
        v[i] = n.isNull() ? null : switch (types[i]) {
          case Types.BIGINT -> n.longValue();
          case Types.DATE -> LocalDate.parse(n.textValue());
          case Types.DOUBLE -> n.isTextual() ? Double.parseDouble(n.textValue()) : n.doubleValue();
          case Types.BOOLEAN -> n.booleanValue();
          case Types.TIMESTAMP -> Instant.parse(n.textValue());
          default -> n.textValue();
        };
      }
      return v;
    }
  }

  /** Which of these ids are already stored. */
  public List<String> existing(List<String> ids) {
    return db.read(c -> {
      List<String> found = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM declarations WHERE id = ?")) {
        for (String id : ids) {
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              found.add(id);
            }
          }
        }
      }
      return found;
    });
  }

  /** One declaration with its decision and result. */
  public Optional<CaseFile> find(String id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_DECLARATION
          + ", x.model_score, x.score, x.lane, x.random_pick, x.reasons, x.rules_hit, x.bundle_id,"
          + " x.decided_by, x.decided_at, x.decision_context FROM declarations d"
          + " JOIN decisions x ON x.declaration_id = d.id WHERE d.id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          Declaration d = declaration(rs);
          StoredDecision s = new StoredDecision(d.id(), rs.getDouble(23), rs.getDouble(24),
              Lane.valueOf(rs.getString(25)), rs.getBoolean(26), reasons(rs.getString(27)),
              parse(rs.getString(28), STRINGS), rs.getString(29), rs.getString(30),
              rs.getTimestamp(31).toInstant(), Optional.ofNullable(rs.getString(32))
                  .map(j -> parse(j, CONTEXT)));
          return Optional.of(new CaseFile(d, s, result(c, id)));
        }
      }
    });
  }

  private static Optional<InspectionResult> result(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT fraud, critical, amount, note, recorded_by,"
        + " recorded_at FROM inspection_results WHERE declaration_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new InspectionResult(id, rs.getBoolean(1), rs.getInt(2), rs.getDouble(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
      }
    }
  }

  private static Declaration declaration(ResultSet rs) throws SQLException {
    double revenue = rs.getDouble(21);
    OptionalDouble rev = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(revenue);
    return new Declaration(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
        rs.getString(15), rs.getDouble(16), rs.getString(17), rs.getString(18), rs.getDouble(19),
        rs.getDouble(20), Optional.empty(), rev, rs.getString(22));
  }

  /**
   * Records (or corrects) an inspection result and appends the change, with the previous value,
   * to the audit log in the same transaction. On the embedded store the commit is made durable by
   * a journal line, as a declaration's is: a commit that had H2 write its file held every other
   * commit back while the file was written.
   *
   * @return false when the declaration is not stored
   */
  public boolean recordResult(InspectionResult r) {
    Optional<Redo> recorded = db.inTransaction(c -> {
      Optional<AuditLog.Line> line = applyResult(c, r);
      return line.isEmpty() ? Optional.<Redo>empty()
          : Optional.of(new Redo(List.of(), List.of(), Redo.resultValues(r), AuditLog.appendAll(c, List.of(line.get()))));
    }, o -> o.map(Redo::line).orElse(null));
    return recorded.isPresent();
  }

  /**
   * Writes {@code r} over any earlier result of its declaration and closes its case.
   *
   * @return the audit line the change needs (with the previous value), or empty when the
   *     declaration is not stored
   */
  private static Optional<AuditLog.Line> applyResult(Connection c, InspectionResult r) throws SQLException {
    if (!exists(c, "SELECT 1 FROM declarations WHERE id = ?", r.declarationId())) {
      return Optional.empty();
    }
    Optional<InspectionResult> before = result(c, r.declarationId());
    String sql = before.isPresent()
        ? "UPDATE inspection_results SET fraud = ?, critical = ?, amount = ?, note = ?, recorded_by = ?,"
            + " recorded_at = ? WHERE declaration_id = ?"
        : "INSERT INTO inspection_results (fraud, critical, amount, note, recorded_by, recorded_at,"
            + " declaration_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setBoolean(1, r.fraud());
      ps.setInt(2, r.critical());
      ps.setDouble(3, r.amount());
      ps.setString(4, r.note());
      ps.setString(5, r.recordedBy());
      ps.setTimestamp(6, Timestamp.from(r.recordedAt()));
      ps.setString(7, r.declarationId());
      ps.executeUpdate();
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("fraud", r.fraud());
    detail.put("critical", r.critical());
    detail.put("amount", r.amount());
    detail.put("note", r.note());
    before.ifPresent(b -> detail.put("previous", Map.of("fraud", b.fraud(), "critical", b.critical(),
        "amount", b.amount(), "recordedBy", b.recordedBy())));
    CaseStore.closeWithResult(c, r.declarationId(), r.recordedBy(), r.recordedAt());
    return Optional.of(new AuditLog.Line(r.recordedBy(), "inspection_result", r.declarationId(), Json.write(detail)));
  }

  /**
   * Replaces a stored decision by a stricter one (audited with the lane it replaces).
   *
   * @param why what made the declaration be decided again, for the audit line
   * @return false when the declaration has no stored decision
   */
  public boolean reviseDecision(StoredDecision s, Lane before, String why) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET model_score = ?, score = ?, lane = ?,"
          + " random_pick = ?, reasons = ?, rules_hit = ?, bundle_id = ?, decided_by = ?, decided_at = ?,"
          + " decision_context = ? WHERE declaration_id = ?")) {
        ps.setDouble(1, s.modelScore());
        ps.setDouble(2, s.score());
        ps.setString(3, s.lane().name());
        ps.setBoolean(4, s.randomPick());
        ps.setString(5, Json.write(s.reasons()));
        ps.setString(6, Json.write(s.rulesHit()));
        ps.setString(7, s.bundleId());
        ps.setString(8, s.decidedBy());
        ps.setTimestamp(9, Timestamp.from(s.decidedAt()));
        ps.setString(10, Json.write(s.context().orElseThrow()));
        ps.setString(11, s.declarationId());
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("lane", s.lane().label());
      detail.put("previous", before.label());
      detail.put("why", why);
      detail.put("reasons", s.reasons());
      AuditLog.append(c, s.decidedBy(), "decision_revised", s.declarationId(), Json.write(detail));
      return true;
    });
  }

  /** Records many results at once (demo history), each audited; existing results are kept. */
  public int recordResults(List<InspectionResult> results) {
    int n = 0;
    for (InspectionResult r : results) {
      n += recordResult(r) ? 1 : 0;
    }
    return n;
  }

  /** The queue's columns, for {@link #queueRow}. */
  private static final String QUEUE_COLUMNS = "SELECT d.id, d.decl_date, d.office_id, d.importer_id, d.hs_code,"
      + " x.score, x.lane, x.random_pick, x.reasons, r.fraud, " + CaseStore.STATUS + " AS status, k.assignee";
  private static final String QUEUE_FROM = " FROM decisions x JOIN declarations d ON d.id = x.declaration_id"
      + " LEFT JOIN inspection_results r ON r.declaration_id = x.declaration_id"
      + " LEFT JOIN cases k ON k.declaration_id = x.declaration_id";

  /** A page of the queue in the filter's order; a page past the last is the last. */
  public QueuePage queue(QueueFilter f) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    f.lane().ifPresent(l -> {
      where.append(" AND x.lane = ?");
      args.add(l.name());
    });
    f.office().ifPresent(o -> {
      where.append(" AND d.office_id = ?");
      args.add(o);
    });
    f.from().ifPresent(d -> {
      where.append(" AND d.decl_date >= ?");
      args.add(Date.valueOf(d));
    });
    f.to().ifPresent(d -> {
      where.append(" AND d.decl_date <= ?");
      args.add(Date.valueOf(d));
    });
    if (f.minScore().isPresent()) {
      where.append(" AND x.score >= ?");
      args.add(f.minScore().getAsDouble());
    }
    if (!f.statuses().isEmpty()) {
      where.append(" AND x.lane <> 'GREEN' AND COALESCE(k.status, 'open') IN (")
          .append(String.join(", ", java.util.Collections.nCopies(f.statuses().size(), "?"))).append(')');
      f.statuses().stream().map(CaseStatus::label).sorted().forEach(args::add);
    }
    f.assignee().ifPresent(a -> {
      where.append(" AND k.assignee = ?");
      args.add(a);
    });
    // Counting reads only the tables a filter needs: decisions alone for lane and score (the V4
    // indexes), declarations and cases when their columns are filtered on.
    boolean needsDeclarations = f.office().isPresent() || f.from().isPresent() || f.to().isPresent();
    boolean needsCases = !f.statuses().isEmpty() || f.assignee().isPresent();
    String countFrom = " FROM decisions x"
        + (needsDeclarations ? " JOIN declarations d ON d.id = x.declaration_id" : "")
        + (needsCases ? " LEFT JOIN cases k ON k.declaration_id = x.declaration_id" : "");
    String dir = f.descending() ? " DESC" : " ASC";
    String order = f.sort() == QueueFilter.Sort.SCORE && f.lane().isPresent() && f.descending()
        ? " ORDER BY x.lane, x.score DESC, x.declaration_id"
        : " ORDER BY " + f.sort().column + dir + ", x.declaration_id";
    return db.read(c -> {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + countFrom + where)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      int pages = (int) Math.max(1, (total + f.size() - 1) / f.size());
      int page = Math.min(f.page(), pages);
      List<QueueRow> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(QUEUE_COLUMNS + QUEUE_FROM + where + order + " LIMIT ? OFFSET ?")) {
        List<Object> all = new ArrayList<>(args);
        all.add(f.size());
        all.add((long) (page - 1) * f.size());
        bind(ps, all);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(queueRow(rs));
          }
        }
      }
      return new QueuePage(rows, total, page, f.size());
    });
  }

  /**
   * The columns of {@link #QUEUE_COLUMNS}: id, date, office, importer, HS, score, lane, random,
   * reasons, fraud, case status, assignee.
   */
  private static QueueRow queueRow(ResultSet rs) throws SQLException {
    List<Reason> reasons = reasons(rs.getString(9));
    boolean fraud = rs.getBoolean(10);
    Optional<Boolean> result = rs.wasNull() ? Optional.empty() : Optional.of(fraud);
    return new QueueRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getDouble(6), Lane.valueOf(rs.getString(7)),
        rs.getBoolean(8), reasons.subList(0, Math.min(3, reasons.size())), result,
        Optional.ofNullable(rs.getString(11)).map(CaseStatus::parse), Optional.ofNullable(rs.getString(12)));
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }

  /**
   * The column that names a party in a role. A closed set, so the column name put into SQL never
   * comes from a request.
   */
  private static String partyColumn(String role) {
    return switch (role) {
      case "importer" -> "d.importer_id";
      case "declarant" -> "d.declarant_id";
      case "seller" -> "d.seller_id";
      case "courier" -> "d.courier_id";
      default -> throw new IllegalArgumentException("role must be importer, declarant, seller or courier");
    };
  }

  /** Every declaration naming a party in a role ({@code importer}, ...), latest first, at most {@code limit}. */
  public List<QueueRow> byParty(String role, String partyId, int limit) {
    return db.read(c -> {
      List<QueueRow> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(QUEUE_COLUMNS + QUEUE_FROM
          + " WHERE " + partyColumn(role) + " = ? ORDER BY d.decl_date DESC, d.id LIMIT ?")) {
        ps.setString(1, partyId);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(queueRow(rs));
          }
        }
      }
      return rows;
    });
  }

  /**
   * Parties in any role whose id starts with {@code prefix} (ignoring case), most declarations
   * first, at most {@code limit} per role.
   */
  public List<PartyHit> searchParties(String prefix, int limit) {
    String pattern = prefix.toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    return db.read(c -> {
      List<PartyHit> out = new ArrayList<>();
      for (String role : List.of("importer", "declarant", "seller", "courier")) {
        String col = partyColumn(role);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + col + ", COUNT(*) FROM declarations d WHERE UPPER("
            + col + ") LIKE ? ESCAPE '\\' AND " + col + " <> '' GROUP BY " + col + " ORDER BY COUNT(*) DESC, " + col
            + " LIMIT ?")) {
          ps.setString(1, pattern);
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new PartyHit(rs.getString(1), role, rs.getLong(2)));
            }
          }
        }
      }
      return out;
    });
  }

  /** A recorded inspection result with the declaration's key facts, for exports. */
  public record RecordedResult(String id, LocalDate date, String officeId, String importerId, Lane lane, double score,
      InspectionResult result) {}

  /** The recorded results, latest first, at most {@code limit}. */
  public List<RecordedResult> results(int limit) {
    return db.read(c -> {
      List<RecordedResult> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.decl_date, d.office_id, d.importer_id, x.lane,"
          + " x.score, r.fraud, r.critical, r.amount, r.note, r.recorded_by, r.recorded_at FROM inspection_results r"
          + " JOIN declarations d ON d.id = r.declaration_id JOIN decisions x ON x.declaration_id = r.declaration_id"
          + " ORDER BY r.recorded_at DESC, d.id LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RecordedResult(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                Lane.valueOf(rs.getString(5)), rs.getDouble(6), new InspectionResult(rs.getString(1), rs.getBoolean(7),
                rs.getInt(8), rs.getDouble(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant())));
          }
        }
      }
      return out;
    });
  }

  /** The latest declared date in the store, if any declaration is stored. */
  public Optional<LocalDate> latestDate() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(decl_date) FROM declarations");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        Date d = rs.getDate(1);
        return d == null ? Optional.<LocalDate>empty() : Optional.of(d.toLocalDate());
      }
    });
  }

  /** The offices that have stored declarations, in order. */
  public List<String> offices() {
    return db.read(c -> query(c, "SELECT DISTINCT office_id FROM declarations ORDER BY office_id", List.of(),
        rs -> rs.getString(1)));
  }

  /**
   * What the objective ranks the latest {@code limit} decisions by (their model score, or the
   * expected tax recovered), to calibrate lane thresholds. "Latest" is by decision time, which
   * the server sets, not by the declared date, which the client does: a row dated far ahead
   * would otherwise stay among the latest for ever. Rows declared outside {@code [from, to]}
   * (stored before dates were checked) are left out.
   */
  public double[] recentPriorities(int limit, Objective objective, LocalDate from, LocalDate to) {
    return db.read(c -> {
      List<Double> s = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT x.model_score, d.item_price * d.tax_rate / 100 FROM decisions x"
              + " JOIN declarations d ON d.id = x.declaration_id WHERE d.decl_date BETWEEN ? AND ?"
              + " ORDER BY x.decided_at DESC, x.declaration_id LIMIT ?")) {
        ps.setDate(1, java.sql.Date.valueOf(from));
        ps.setDate(2, java.sql.Date.valueOf(to));
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            s.add(objective.priority(rs.getDouble(1), rs.getDouble(2)));
          }
        }
      }
      return s.stream().mapToDouble(Double::doubleValue).toArray();
    });
  }

  /** Maps one row of a result set; may throw as JDBC does. */
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }



  /** The dashboard's figures over every stored declaration. */
  public Dashboard dashboard(String activeBundleId) {
    return dashboard(activeBundleId, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The dashboard's figures over the declarations of a period and office (each optional);
   * precision at k uses the decisions of {@code activeBundleId}.
   */
  public Dashboard dashboard(String activeBundleId, Optional<LocalDate> from, Optional<LocalDate> to,
      Optional<String> office) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    from.ifPresent(d -> {
      where.append(" AND d.decl_date >= ?");
      args.add(Date.valueOf(d));
    });
    to.ifPresent(d -> {
      where.append(" AND d.decl_date <= ?");
      args.add(Date.valueOf(d));
    });
    office.ifPresent(o -> {
      where.append(" AND d.office_id = ?");
      args.add(o);
    });
    String results = " FROM inspection_results r JOIN decisions x ON x.declaration_id = r.declaration_id"
        + " JOIN declarations d ON d.id = r.declaration_id" + where;
    return db.read(c -> {
      Map<LocalDate, long[]> mix = new java.util.TreeMap<>();
      for (Object[] row : query(c, "SELECT d.decl_date, x.lane, COUNT(*) FROM declarations d"
          + " JOIN decisions x ON x.declaration_id = d.id" + where + " GROUP BY d.decl_date, x.lane", args,
          rs -> new Object[] {rs.getDate(1).toLocalDate(), Lane.valueOf(rs.getString(2)), rs.getLong(3)})) {
        mix.computeIfAbsent((LocalDate) row[0], k -> new long[3])[((Lane) row[1]).ordinal()] = (Long) row[2];
      }
      List<Dashboard.DayLanes> lanes = new ArrayList<>();
      mix.forEach((day, n) -> lanes.add(new Dashboard.DayLanes(day, n[0], n[1], n[2])));
      List<Dashboard.DayHits> hits = query(c, "SELECT d.decl_date, COUNT(*), SUM(CASE WHEN r.fraud THEN 1 ELSE 0 END)"
          + results + " GROUP BY d.decl_date ORDER BY d.decl_date", args,
          rs -> new Dashboard.DayHits(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)));
      List<Dashboard.DayScore> drift = query(c, "SELECT d.decl_date, AVG(x.model_score), COUNT(*)"
          + " FROM declarations d JOIN decisions x ON x.declaration_id = d.id" + where
          + " GROUP BY d.decl_date ORDER BY d.decl_date", args,
          rs -> new Dashboard.DayScore(rs.getDate(1).toLocalDate(), rs.getDouble(2), rs.getLong(3)));
      List<Object> rankedArgs = new ArrayList<>(args);
      rankedArgs.add(activeBundleId);
      List<Dashboard.Ranked> ranked = query(c, "SELECT r.declaration_id, x.model_score, r.fraud" + results
          + " AND x.bundle_id = ? ORDER BY x.model_score DESC, r.declaration_id", rankedArgs,
          rs -> new Dashboard.Ranked(rs.getString(1), rs.getDouble(2), rs.getBoolean(3)));
      Dashboard.Totals random = query(c, "SELECT COUNT(*), SUM(CASE WHEN r.fraud THEN 1 ELSE 0 END)" + results
          + " AND x.random_pick", args, rs -> new Dashboard.Totals(rs.getLong(1), rs.getLong(2))).get(0);
      return new Dashboard(lanes, hits, drift, ranked, random);
    });
  }

  /** Every row of a query with parameters. */
  private static <T> List<T> query(Connection c, String sql, List<Object> args, RowMapper<T> mapper)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
    }
    return out;
  }

  /**
   * Streams every stored declaration, in date order, with its recorded result as its outcome and
   * its stored model score, to a consumer (a backtest); nothing is kept in memory here.
   */
  public void replay(java.util.function.ObjDoubleConsumer<Declaration> each) {
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_DECLARATION + ", r.fraud, r.critical, x.model_score"
          + " FROM declarations d JOIN decisions x ON x.declaration_id = d.id"
          + " LEFT JOIN inspection_results r ON r.declaration_id = d.id ORDER BY d.decl_date, d.id")) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Declaration d = declaration(rs);
            boolean fraud = rs.getBoolean(23);
            if (!rs.wasNull()) {
              d = d.withOutcome(new org.riskgate.core.InspectionOutcome(fraud, rs.getInt(24)));
            }
            each.accept(d, rs.getDouble(25));
          }
        }
      }
      return null;
    });
  }

  /**
   * Every stored declaration, with its recorded inspection result as its outcome: the history
   * party profiles are built from.
   */
  public List<Declaration> history() {
    return db.read(c -> {
      List<Declaration> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(SELECT_DECLARATION + ", r.fraud, r.critical"
          + " FROM declarations d LEFT JOIN inspection_results r ON r.declaration_id = d.id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(withResult(rs));
        }
      }
      return out;
    });
  }

  /**
   * The latest {@code limit} declarations with a recorded inspection result dated before
   * {@code day}, newest first, each with its result as its outcome: what similar past cases are
   * looked for among.
   */
  public List<Declaration> inspectedBefore(LocalDate day, int limit) {
    return db.read(c -> {
      List<Declaration> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(SELECT_DECLARATION + ", r.fraud, r.critical"
          + " FROM declarations d JOIN inspection_results r ON r.declaration_id = d.id"
          + " WHERE d.decl_date < ? ORDER BY d.decl_date DESC, d.id DESC LIMIT ?")) {
        ps.setDate(1, Date.valueOf(day));
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(withResult(rs));
          }
        }
      }
      return out;
    });
  }

  /** The declaration of a row that selected {@code r.fraud, r.critical} after its fields. */
  private static Declaration withResult(ResultSet rs) throws SQLException {
    Declaration d = declaration(rs);
    boolean fraud = rs.getBoolean(23);
    return rs.wasNull() ? d : d.withOutcome(new org.riskgate.core.InspectionOutcome(fraud, rs.getInt(24)));
  }

  /** How many declarations are stored. */
  public long count() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM declarations");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Reasons as stored. Reasons stored before they were marked decisive lack the mark, which reads
   * as not decisive: the one place where a missing boolean is allowed.
   */
  static List<Reason> reasons(String json) {
    try {
      return Json.MAPPER.readerFor(REASONS)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read back", e);
    }
  }

  private static <T> T parse(String json, TypeReference<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON cannot be read back", e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
