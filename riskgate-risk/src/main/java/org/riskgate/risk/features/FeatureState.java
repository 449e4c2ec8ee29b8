package org.riskgate.risk.features;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the feature pipeline has learned: category vocabularies and the history of every
 * key up to the last day it has seen. Saved inside a model bundle so that scoring continues from
 * exactly where training stopped.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class FeatureState {
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
}
