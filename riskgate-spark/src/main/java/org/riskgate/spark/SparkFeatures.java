package org.riskgate.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.risk.features.FeaturePipeline;
import org.riskgate.risk.features.KeyHistories;
import org.riskgate.risk.features.KeyHistories.Snapshot;
import scala.Tuple2;

/**
 * {@link FeaturePipeline}'s point-in-time features computed on Spark, row for row the values of
 * {@link FeaturePipeline#walk}: each key's rows (an importer's, an HS code's ...) are brought
 * together, sorted by date and arrival, and walked by riskgate's own {@link KeyHistories.Walker},
 * which gives each declaration the key's history before its day; the priors come from every
 * declaration of the days before. The pieces are joined back per declaration and described by the
 * pipeline's own code. One shuffle of up to {@link KeyHistories#keys()} small records per
 * declaration; no machine holds more than one day of one key at a time.
 */
public final class SparkFeatures {
  private SparkFeatures() {}

  /** A described declaration: its place, date, outcome (-1 unknown, 0, 1) and feature row. */
  public record Described(long seq, LocalDate date, int label, float[] x) implements Serializable {}

  /** The walk's result: every row described, and the pipeline as it stands after the last day. */
  public record Walked(JavaRDD<Described> rows, FeaturePipeline pipeline, LocalDate from, LocalDate to) {}

  /** The category vocabularies of {@code rows}, as {@link FeaturePipeline#fit} fits them. */
  public static Map<String, Map<String, Long>> categoryCounts(Dataset<Row> rows) {
    return categoryCounts(rows.javaRDD());
  }

  private static Map<String, Map<String, Long>> categoryCounts(JavaRDD<Row> rows) {
    return rows.mapPartitions((Iterator<Row> it) -> {
      Iterable<Declaration> ds = () -> new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Declaration next() {
          return DeclarationRows.toDeclaration(it.next());
        }
      };
      return List.of(FeaturePipeline.categoryCounts(ds)).iterator();
    }).reduce(FeaturePipeline::addCategoryCounts);
  }

  /** Walks {@code rows} (of {@link DeclarationRows#schema()}) in date and arrival order. */
  public static Walked walk(SparkSession spark, Dataset<Row> rows) {
    JavaRDD<Row> in = rows.javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return walk(spark, in);
    } finally {
      in.unpersist(false);
    }
  }

  private static Walked walk(SparkSession spark, JavaRDD<Row> in) {
    Map<String, Map<String, Long>> counts = categoryCounts(in);
    if (counts.values().stream().allMatch(Map::isEmpty)) {
      throw new IllegalArgumentException("no declarations to describe");
    }
    var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());

    // every declaration of the days before: the priors of keys never seen
    Map<Integer, Snapshot> perDay = in.mapToPair(r -> {
      Declaration d = DeclarationRows.toDeclaration(r);
      return new Tuple2<>((int) d.date().toEpochDay(), Snapshot.of(d));
    }).reduceByKey(Snapshot::plus).collectAsMap();
    TreeMap<Integer, Snapshot> days = new TreeMap<>(perDay);
    HashMap<Integer, Snapshot> before = new HashMap<>();
    Snapshot all = Snapshot.EMPTY;
    for (Map.Entry<Integer, Snapshot> e : days.entrySet()) {
      before.put(e.getKey(), all);
      all = all.plus(e.getValue());
    }
    Broadcast<HashMap<Integer, Snapshot>> priors = sc.broadcast(before);
    Broadcast<Map<String, Map<String, Long>>> vocab = sc.broadcast(counts);

    int partitions = Math.max(1, in.getNumPartitions());
    JavaRDD<Step> steps = in.flatMapToPair(SparkFeatures::keyed)
        .repartitionAndSortWithinPartitions(new ByKey(Math.max(partitions, sc.defaultParallelism())), new Order())
        .mapPartitions(SparkFeatures::walkKeys)
        .persist(StorageLevel.MEMORY_AND_DISK());

    List<Map<String, Snapshot>> last = new ArrayList<>();
    for (int k = 0; k < KeyHistories.keys(); k++) {
      last.add(new HashMap<>());
    }
    steps.filter(s -> s.seq() < 0).toLocalIterator().forEachRemaining(s -> last.get(s.key()).put(s.value(), s.history()));

    JavaPairRDD<Long, Iterable<Step>> histories = steps.filter(s -> s.seq() >= 0)
        .mapToPair(s -> new Tuple2<>(s.seq(), s)).groupByKey();
    JavaRDD<Described> described = in.mapToPair(r -> new Tuple2<>(DeclarationRows.seq(r), r))
        .leftOuterJoin(histories)
        .mapPartitions(it -> {
          FeaturePipeline fitted = FeaturePipeline.fromCategoryCounts(vocab.value());
          List<Described> out = new ArrayList<>();
          while (it.hasNext()) {
            Tuple2<Long, Tuple2<Row, org.apache.spark.api.java.Optional<Iterable<Step>>>> t = it.next();
            Declaration d = DeclarationRows.toDeclaration(t._2()._1());
            // a key never seen before has an empty history; a blank key has no step at all
            Snapshot[] h = empty();
            t._2()._2().orElse(List.of()).forEach(step -> h[step.key()] = step.history());
            float[] x = new float[fitted.width()];
            KeyHistories.describe(fitted, d, List.of(h),
                priors.value().get((int) d.date().toEpochDay()), x, 0);
            out.add(new Described(t._1(), d.date(), d.outcome().map(o -> o.fraud() ? 1 : 0).orElse(-1), x));
          }
          return out.iterator();
        });
    LocalDate from = LocalDate.ofEpochDay(days.firstKey());
    LocalDate to = LocalDate.ofEpochDay(days.lastKey());
    FeaturePipeline walked = KeyHistories.walked(FeaturePipeline.fromCategoryCounts(counts), last, all, to);
    return new Walked(described, walked, from, to);
  }

  private static Snapshot[] empty() {
    Snapshot[] a = new Snapshot[KeyHistories.keys()];
    java.util.Arrays.fill(a, Snapshot.EMPTY);
    return a;
  }

  /** Where a declaration stands in a key's walk: the key, its text, the day, the arrival. */
  record Place(int key, String value, int day, long seq) implements Serializable {}

  /** What a key's walk needs of a declaration: what its history learns. */
  record Seen(long seq, int day, double itemPrice, double netMass, byte fraud, byte critical) implements Serializable {
    static Seen of(Declaration d, long seq) {
      int fraud = d.outcome().map(o -> o.fraud() ? 1 : 0).orElse(-1);
      int critical = d.outcome().map(InspectionOutcome::criticalFraud).orElse(0);
      return new Seen(seq, (int) d.date().toEpochDay(), d.itemPrice(), d.netMass(), (byte) fraud, (byte) critical);
    }

    /** The declaration as far as a history learns from it. */
    Declaration declaration() {
      return new Declaration("row " + seq, LocalDate.ofEpochDay(day), "", "", "", "", "", "", "", "", "", "",
          "000000", "", "", 0, "", "", netMass, itemPrice,
          fraud < 0 ? Optional.empty() : Optional.of(new InspectionOutcome(fraud == 1, critical)),
          OptionalDouble.empty(), "");
    }
  }

  /** One result of a key's walk: a row's history before its day, or (seq -1) a text's after its last. */
  record Step(long seq, int key, String value, Snapshot history) implements Serializable {}

  private static Iterator<Tuple2<Place, Seen>> keyed(Row r) {
    Declaration d = DeclarationRows.toDeclaration(r);
    long seq = DeclarationRows.seq(r);
    int day = (int) d.date().toEpochDay();
    Seen seen = Seen.of(d, seq);
    List<Tuple2<Place, Seen>> out = new ArrayList<>(KeyHistories.keys());
    for (int k = 0; k < KeyHistories.keys(); k++) {
      String v = KeyHistories.value(k, d);
      if (!v.isEmpty()) {
        out.add(new Tuple2<>(new Place(k, v, day, seq), seen));
      }
    }
    return out.iterator();
  }

  /** Walks one task's keys, sorted by key, text, day and arrival; holds one day of one text. */
  private static Iterator<Step> walkKeys(Iterator<Tuple2<Place, Seen>> in) {
    ArrayDeque<Step> out = new ArrayDeque<>();
    int[] key = {-1};
    long[] seq = {0};
    KeyHistories.Walker[] walker = {null};
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        while (out.isEmpty() && !done) {
          if (!in.hasNext()) {
            if (walker[0] != null) {
              walker[0].finish();
            }
            done = true;
            break;
          }
          Tuple2<Place, Seen> t = in.next();
          Place p = t._1();
          if (p.key() != key[0]) {
            if (walker[0] != null) {
              walker[0].finish();
            }
            key[0] = p.key();
            int k = p.key();
            walker[0] = new KeyHistories.Walker(new KeyHistories.Sink() {
              @Override
              public void before(Declaration d, Snapshot history) {
                out.add(new Step(seq[0], k, "", history));
              }

              @Override
              public void last(String value, Snapshot history) {
                out.add(new Step(-1, k, value, history));
              }
            });
          }
          seq[0] = p.seq();
          walker[0].accept(p.value(), t._2().declaration());
        }
        return !out.isEmpty();
      }

      @Override
      public Step next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.poll();
      }
    };
  }

  /** Sends every row of one key's text to one task. */
  static final class ByKey extends Partitioner {
    private final int partitions;

    ByKey(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      Place p = (Place) key;
      return Math.floorMod(31 * p.value().hashCode() + p.key(), partitions);
    }
  }

  /** Key, text, day, arrival: the order of a key's walk. */
  static final class Order implements Comparator<Place>, Serializable {
    @Override
    public int compare(Place a, Place b) {
      int c = Integer.compare(a.key(), b.key());
      if (c == 0) {
        c = a.value().compareTo(b.value());
      }
      if (c == 0) {
        c = Integer.compare(a.day(), b.day());
      }
      return c != 0 ? c : Long.compare(a.seq(), b.seq());
    }
  }
}
