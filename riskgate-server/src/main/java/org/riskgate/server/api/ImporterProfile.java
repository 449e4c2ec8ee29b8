package org.riskgate.server.api;

import java.util.List;
import org.riskgate.server.store.QueueRow;
import org.riskgate.selectivity.Lane;

/**
 * What the store knows about one importer: its declarations, how they were routed and what
 * inspections found.
 *
 * @param hitRate frauds per recorded inspection, 0 when none
 */
public record ImporterProfile(String importerId, int declarations, long red, long yellow, long inspected,
    long frauds, double hitRate, double meanScore, List<QueueRow> latest) {

  public static ImporterProfile of(String id, List<QueueRow> rows) {
    long inspected = rows.stream().filter(r -> r.resultFraud().isPresent()).count();
    long frauds = rows.stream().filter(r -> r.resultFraud().orElse(false)).count();
    return new ImporterProfile(id, rows.size(),
        rows.stream().filter(r -> r.lane() == Lane.RED).count(),
        rows.stream().filter(r -> r.lane() == Lane.YELLOW).count(),
        inspected, frauds, inspected == 0 ? 0 : frauds / (double) inspected,
        rows.stream().mapToDouble(QueueRow::score).average().orElse(0),
        rows.subList(0, Math.min(20, rows.size())));
  }
}
