package org.riskgate.risk.features;

import java.util.List;
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
  public int find(Key k, Declaration d, int row, double[] into, int at) {
    long fp = k.fingerprint(d);
    return fp == Key.BLANK ? BLANK : tables[k.ordinal()].copy(tables[k.ordinal()].entry(fp), into, at);
  }

  /**
   * The history of {@code rows[from .. to)}, every key of every row looked up at once: the
   * lookups do not depend on one another, so their cache misses overlap instead of queueing.
   */
  FeaturePipeline.History block(List<Declaration> rows, int from, int to) {
    Key[] keys = Key.values();
    long[] fingerprints = new long[(to - from) * keys.length];
    for (int r = from, i = 0; r < to; r++) {
      Declaration d = rows.get(r);
      for (Key k : keys) {
        fingerprints[i++] = k.fingerprint(d);
      }
    }
    int[] entries = new int[fingerprints.length];
    for (int i = 0; i < fingerprints.length; i++) {
      entries[i] = fingerprints[i] == Key.BLANK ? BLANK_ENTRY : tables[i % keys.length].entry(fingerprints[i]);
    }
    return (k, d, row, into, at) -> {
      int e = entries[(row - from) * keys.length + k.ordinal()];
      return e == BLANK_ENTRY ? BLANK : tables[k.ordinal()].copy(e, into, at);
    };
  }

  private static final int BLANK_ENTRY = -2;
  private static final int NO_ENTRY = -1;

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

    /** The entry of a fingerprint, or {@link #NO_ENTRY}. */
    int entry(long fp) {
      for (int s = (int) fp & mask; ; s = (s + 1) & mask) {
        long here = slots[2 * s];
        if (here == fp) {
          return (int) slots[2 * s + 1];
        }
        if (here == 0) {
          return NO_ENTRY;
        }
      }
    }

    /** Copies an entry's values; says whether there was one. */
    int copy(int entry, double[] into, int at) {
      if (entry == NO_ENTRY) {
        return UNKNOWN;
      }
      System.arraycopy(values, entry * Stats.VALUES, into, at, Stats.VALUES);
      return FOUND;
    }
  }
}
