package org.riskgate.risk.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.risk.PublicData;

/** The history taken apart by key, walked key by key and put together again, is the pipeline's own. */
class KeyHistoriesTest {

  @Test
  void keyByKeyWalkGivesTheFeaturesAndTheStateOfTheWalk() {
    List<Declaration> rows = PublicData.train();
    FeaturePipeline single = FeaturePipeline.fit(rows);
    FeaturePipeline.Walk walk = single.walk(rows);
    List<Declaration> order = walk.order();

    FeaturePipeline fitted = FeaturePipeline.fromCategoryCounts(FeaturePipeline.categoryCounts(rows));
    Map<Declaration, Integer> seq = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      seq.put(order.get(i), i);
    }
    List<List<KeyHistories.Snapshot>> before = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      before.add(new ArrayList<>(java.util.Collections.nCopies(KeyHistories.keys(), KeyHistories.Snapshot.EMPTY)));
    }
    List<Map<String, KeyHistories.Snapshot>> last = new ArrayList<>();
    for (int k = 0; k < KeyHistories.keys(); k++) {
      int key = k;
      Map<String, KeyHistories.Snapshot> ends = new HashMap<>();
      last.add(ends);
      KeyHistories.Walker w = new KeyHistories.Walker(new KeyHistories.Sink() {
        @Override
        public void before(Declaration d, KeyHistories.Snapshot history) {
          before.get(seq.get(d)).set(key, history);
        }

        @Override
        public void last(String value, KeyHistories.Snapshot history) {
          ends.put(value, history);
        }
      });
      // stable: rows of a text and day keep the walk's order
      order.stream().filter(d -> !KeyHistories.value(key, d).isEmpty())
          .map(d -> Map.entry(KeyHistories.value(key, d), d))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> w.accept(e.getKey(), e.getValue()));
      w.finish();
    }
    TreeMap<LocalDate, KeyHistories.Snapshot> days = new TreeMap<>();
    order.forEach(d -> days.merge(d.date(), KeyHistories.Snapshot.of(d), KeyHistories.Snapshot::plus));
    Map<LocalDate, KeyHistories.Snapshot> allBefore = new HashMap<>();
    KeyHistories.Snapshot all = KeyHistories.Snapshot.EMPTY;
    for (Map.Entry<LocalDate, KeyHistories.Snapshot> e : days.entrySet()) {
      allBefore.put(e.getKey(), all);
      all = all.plus(e.getValue());
    }

    int w = single.width();
    float[] byKey = new float[order.size() * w];
    for (int r = 0; r < order.size(); r++) {
      Declaration d = order.get(r);
      KeyHistories.describe(fitted, d, before.get(r), allBefore.get(d.date()), byKey, r * w);
    }
    // bit for bit, NaN included (a 3.5 M-value array: AssertJ's containsExactly is quadratic)
    assertThat(java.util.Arrays.mismatch(byKey, walk.matrix())).isEqualTo(-1);

    FeaturePipeline rebuilt = KeyHistories.walked(fitted, last, all, order.get(order.size() - 1).date());
    assertThat(rebuilt.historyUntil()).isEqualTo(single.historyUntil());
    List<Declaration> later = PublicData.valid();
    float[] a = new float[later.size() * w];
    float[] b = new float[later.size() * w];
    rebuilt.describe(later, 0, later.size(), a);
    single.describe(later, 0, later.size(), b);
    assertThat(java.util.Arrays.mismatch(a, b)).isEqualTo(-1);
  }
}
