package org.riskgate.server.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.riskgate.server.Json;

/**
 * What recorded inspections brought, by the rule that sent the declaration and by the officer
 * who recorded the result: the dashboard's per-rule and per-officer figures. Read-only.
 *
 * @param revenue the amounts recovered by all frauds found (the result form's amount)
 * @param byRule each rule that hit an inspected declaration; a declaration several rules hit
 *     counts for each of them
 * @param byOfficer each user who recorded results
 */
public record Outcomes(double revenue, List<Row> byRule, List<Row> byOfficer) {
  public Outcomes {
    byRule = List.copyOf(byRule);
    byOfficer = List.copyOf(byOfficer);
  }

  /** Inspections, frauds and revenue recovered of one rule or one officer. */
  public record Row(String name, long inspected, long frauds, double revenue) {
    /** Frauds per inspection; NaN when none. */
    public double hitRate() {
      return inspected == 0 ? Double.NaN : frauds / (double) inspected;
    }
  }

  /** The figures of the recorded results of the declarations of a period and office (each optional). */
  public static Outcomes of(Database db, Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> office) {
    StringBuilder sql = new StringBuilder("SELECT x.rules_hit, r.fraud, r.amount, r.recorded_by FROM inspection_results r"
        + " JOIN declarations d ON d.id = r.declaration_id JOIN decisions x ON x.declaration_id = r.declaration_id"
        + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    from.ifPresent(d -> {
      sql.append(" AND d.decl_date >= ?");
      args.add(Date.valueOf(d));
    });
    to.ifPresent(d -> {
      sql.append(" AND d.decl_date <= ?");
      args.add(Date.valueOf(d));
    });
    office.ifPresent(o -> {
      sql.append(" AND d.office_id = ?");
      args.add(o);
    });
    return db.read(c -> {
      Map<String, long[]> ruleCounts = new TreeMap<>();
      Map<String, double[]> ruleRevenue = new TreeMap<>();
      Map<String, long[]> officerCounts = new TreeMap<>();
      Map<String, double[]> officerRevenue = new TreeMap<>();
      double revenue = 0;
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            boolean fraud = rs.getBoolean(2);
            double amount = fraud ? rs.getDouble(3) : 0;
            revenue += amount;
            for (String rule : ruleIds(rs.getString(1))) {
              add(ruleCounts, ruleRevenue, rule, fraud, amount);
            }
            add(officerCounts, officerRevenue, rs.getString(4), fraud, amount);
          }
        }
      }
      return new Outcomes(revenue, rows(ruleCounts, ruleRevenue), rows(officerCounts, officerRevenue));
    });
  }

  /** The rule ids of a decision's stored {@code rules_hit}: a JSON list of ids ({@link StoredDecision#rulesHit}). */
  private static List<String> ruleIds(String json) {
    try {
      List<String> out = new ArrayList<>();
      for (var id : Json.MAPPER.readTree(json)) {
        if (!id.isTextual()) {
          throw new StoreException("a decision's rules_hit holds a non-text entry: " + json, null);
        }
        out.add(id.asText());
      }
      return out;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StoreException("a decision's rules_hit is not a JSON list: " + json, e);
    }
  }

  private static void add(Map<String, long[]> counts, Map<String, double[]> revenue, String key, boolean fraud,
      double amount) {
    long[] n = counts.computeIfAbsent(key, k -> new long[2]);
    n[0]++;
    n[1] += fraud ? 1 : 0;
    revenue.computeIfAbsent(key, k -> new double[1])[0] += amount;
  }

  /** Rows by inspections, most first, then by name. */
  private static List<Row> rows(Map<String, long[]> counts, Map<String, double[]> revenue) {
    List<Row> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new Row(k, n[0], n[1], revenue.get(k)[0])));
    out.sort(Comparator.comparingLong(Row::inspected).reversed().thenComparing(Row::name));
    return out;
  }
}
