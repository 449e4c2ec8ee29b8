package org.riskgate.profiles.network;

import java.util.Arrays;

/** Open-addressing map from long keys to summed doubles: edge weights without boxing. */
final class LongDoubleMap {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private double[] values;
  private int size;

  LongDoubleMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new double[cap];
    Arrays.fill(keys, EMPTY);
  }

  void add(long key, double value) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
    }
    values[i] += value;
  }

  int size() {
    return size;
  }

  /** Calls back every entry. */
  void forEach(Entry e) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        e.accept(keys[i], values[i]);
      }
    }
  }

  interface Entry {
    void accept(long key, double value);
  }

  private void grow() {
    long[] k = keys;
    double[] v = values;
    keys = new long[k.length * 2];
    values = new double[k.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (k[i] != EMPTY) {
        add(k[i], v[i]);
      }
    }
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }
}
