package org.riskgate.selectivity.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.core.evidence.Finding;

/**
 * Watchlists as evidence: a finding for each list one of the declaration's fields is on, and the
 * figure {@code watchlist.hits}, how many lists it is on.
 */
public final class WatchlistEvidence implements EvidenceSource {
  private final Watchlists lists;

  public WatchlistEvidence(Watchlists lists) {
    this.lists = lists;
  }

  @Override
  public Evidence about(Declaration d) {
    List<Watchlist> all = lists.all();
    if (all.isEmpty()) {
      return Evidence.NONE;
    }
    List<Finding> found = new ArrayList<>(0);
    for (Watchlist w : all) {
      for (String field : w.kind().fields()) {
        if (field.startsWith("hs") && !field.equals("hs")) {
          continue;
        }
        String value = Watchlist.field(field).apply(d);
        if (w.contains(value)) {
          found.add(Finding.of(EvidenceKind.WATCHLIST, org.riskgate.selectivity.ReasonMessage.REASONS,
              w.description().isBlank() ? "watchlist.on" : "watchlist.on.described", field, value, w.name(),
              w.description()));
          break;
        }
      }
    }
    return new Evidence(Map.of("watchlist.hits", (double) found.size()), found);
  }
}
