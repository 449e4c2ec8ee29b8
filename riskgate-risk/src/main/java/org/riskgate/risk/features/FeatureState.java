package org.riskgate.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the feature pipeline has learned: category vocabularies and the history of every
 * key up to the last day it has seen. Saved inside a model bundle so that scoring continues from
 * exactly where training stopped.
 *
 * <p>Stored in a small binary format rather than JSON: a year of history holds hundreds of
 * thousands of keys, and every scoring run starts by loading them.
 */
final class FeatureState {
  /** First bytes of a saved state; the number changes with the layout. */
  static final String FORMAT = "riskgate-features/1";

  /** Category vocabulary per categorical field: value → code by descending frequency. */
  Map<String, Map<String, Integer>> vocabularies = new LinkedHashMap<>();
  Map<Key, Map<String, Stats>> history = new EnumMap<>(Key.class);
  Stats global = new Stats();
  /** The last day whose declarations are in the history; features of a day use only earlier days. */
  int lastDay = Integer.MIN_VALUE;

  FeatureState() {
    for (Key k : Key.values()) {
      history.put(k, new HashMap<>());
    }
  }

  void write(DataOutput out) throws IOException {
    out.writeUTF(FORMAT);
    out.writeInt(lastDay);
    global.write(out);
    out.writeInt(vocabularies.size());
    for (Map.Entry<String, Map<String, Integer>> v : vocabularies.entrySet()) {
      out.writeUTF(v.getKey());
      out.writeInt(v.getValue().size());
      for (Map.Entry<String, Integer> e : v.getValue().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue());
      }
    }
    out.writeInt(history.size());
    for (Map.Entry<Key, Map<String, Stats>> h : history.entrySet()) {
      out.writeUTF(h.getKey().name());
      out.writeInt(h.getValue().size());
      for (Map.Entry<String, Stats> e : h.getValue().entrySet()) {
        out.writeUTF(e.getKey());
        e.getValue().write(out);
      }
    }
  }

  /** Reads what {@link #write} wrote; {@code source} names the file in errors. */
  static FeatureState read(DataInput in, String source) throws IOException {
    String format = in.readUTF();
    if (!FORMAT.equals(format)) {
      throw new IOException(source + " holds feature state of format '" + format + "', not " + FORMAT
          + "; retrain the model with this version of riskgate");
    }
    FeatureState s = new FeatureState();
    s.lastDay = in.readInt();
    s.global = Stats.read(in);
    for (int v = in.readInt(); v > 0; v--) {
      String name = in.readUTF();
      int n = in.readInt();
      Map<String, Integer> vocab = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        vocab.put(in.readUTF(), in.readInt());
      }
      s.vocabularies.put(name, vocab);
    }
    for (int h = in.readInt(); h > 0; h--) {
      String name = in.readUTF();
      Key key;
      try {
        key = Key.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IOException(source + ": unknown history key " + name + "; retrain the model with this version of riskgate", e);
      }
      int n = in.readInt();
      Map<String, Stats> m = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        m.put(in.readUTF(), Stats.read(in));
      }
      s.history.put(key, m);
    }
    return s;
  }
}
