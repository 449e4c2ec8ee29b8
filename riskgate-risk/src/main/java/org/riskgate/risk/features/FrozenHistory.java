package org.riskgate.risk.features;

import java.util.Map;
import org.riskgate.core.Declaration;

/**
 * A read-only snapshot of the history, laid out for describing millions of declarations: per key
 * an open-addressing table of fingerprints and a flat array of each entry's feature values,
 * computed once. A lookup costs a hash of the key's characters and two or three memory reads,
 * where the live maps cost a string, its hash, and a chain of pointers per key.
 */
final class FrozenHistory implements FeaturePipeline.History {
  private final Table[] tables = new Table[Key.values().length];

  FrozenHistory(FeatureState state, double prior, double criticalPrior) {
    for (Key k : Key.values()) {
      tables[k.ordinal()] = new Table(state.history.get(k), prior, criticalPrior);
    }
  }

  @Override
  public int find(Key k, Declaration d, double[] into, int at) {
    long fp = k.fingerprint(d);
    if (fp == Key.BLANK) {
      return BLANK;
    }
    return tables[k.ordinal()].copy(fp, into, at) ? FOUND : UNKNOWN;
  }

  private static final class Table {
    /** Interleaved pairs: fingerprint, entry number; a zero fingerprint marks a free slot. */
    private final long[] slots;
    private final int mask;
    private final double[] values;

    Table(Map<String, Stats> history, double prior, double criticalPrior) {
      int capacity = Integer.highestOneBit(Math.max(4, history.size() * 2 - 1)) << 1;
      slots = new long[capacity * 2];
      mask = capacity - 1;
      values = new double[history.size() * Stats.VALUES];
      int entry = 0;
      for (Map.Entry<String, Stats> e : history.entrySet()) {
        long fp = Key.fingerprint(e.getKey());
        int s = (int) fp & mask;
        while (slots[2 * s] != 0) {
          if (slots[2 * s] == fp) {
            throw new IllegalStateException("two history keys share a fingerprint: " + e.getKey());
          }
          s = (s + 1) & mask;
        }
        slots[2 * s] = fp;
        slots[2 * s + 1] = entry;
        e.getValue().values(prior, criticalPrior, values, entry * Stats.VALUES);
        entry++;
      }
    }

    boolean copy(long fp, double[] into, int at) {
      for (int s = (int) fp & mask; ; s = (s + 1) & mask) {
        long here = slots[2 * s];
        if (here == fp) {
          System.arraycopy(values, (int) slots[2 * s + 1] * Stats.VALUES, into, at, Stats.VALUES);
          return true;
        }
        if (here == 0) {
          return false;
        }
      }
    }
  }
}
