package org.riskgate.server.api;

import java.util.List;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.store.QueueRow;

/**
 * What the store knows about one party in one role: its declarations, how they were routed and
 * what inspections found.
 *
 * @param hitRate frauds per recorded inspection, 0 when none
 * @param latest the latest declarations, at most 20
 */
public record PartyDeclarations(String partyId, int declarations, long red, long yellow, long inspected,
    long frauds, double hitRate, double meanScore, List<QueueRow> latest) {

  /** The figures of a party's stored declarations, latest first. */
  public static PartyDeclarations of(String id, List<QueueRow> rows) {
    long inspected = rows.stream().filter(r -> r.resultFraud().isPresent()).count();
    long frauds = rows.stream().filter(r -> r.resultFraud().orElse(false)).count();
    return new PartyDeclarations(id, rows.size(),
        rows.stream().filter(r -> r.lane() == Lane.RED).count(),
        rows.stream().filter(r -> r.lane() == Lane.YELLOW).count(),
        inspected, frauds, inspected == 0 ? 0 : frauds / (double) inspected,
        rows.stream().mapToDouble(QueueRow::score).average().orElse(0),
        rows.subList(0, Math.min(20, rows.size())));
  }
}
