package org.riskgate.core.evidence;

import java.util.List;
import org.riskgate.core.Declaration;

/**
 * Finds evidence about declarations. Implementations are thread-safe and never throw for one
 * declaration: a check that cannot judge it says so in a finding, or finds nothing.
 */
@FunctionalInterface
public interface EvidenceSource {
  /** No check at all. */
  EvidenceSource NONE = d -> Evidence.NONE;

  Evidence about(Declaration declaration);

  /** Every source's evidence together, in the order given (a later figure of the same name wins). */
  static EvidenceSource all(List<EvidenceSource> sources) {
    List<EvidenceSource> s = sources.stream().filter(x -> x != NONE).toList();
    if (s.isEmpty()) {
      return NONE;
    }
    if (s.size() == 1) {
      return s.get(0);
    }
    return d -> {
      Evidence e = Evidence.NONE;
      for (EvidenceSource x : s) {
        e = e.and(x.about(d));
      }
      return e;
    };
  }
}
