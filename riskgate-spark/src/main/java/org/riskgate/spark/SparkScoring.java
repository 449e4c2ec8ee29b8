package org.riskgate.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.documents.DocumentEvidence;
import org.riskgate.hs.HsEvidence;
import org.riskgate.hs.HsToolkit;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileEvidence;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkEvidence;
import org.riskgate.profiles.network.NetworkFeatures;
import org.riskgate.profiles.network.TraderNetwork;
import org.riskgate.selectivity.watch.Watchlist;
import org.riskgate.selectivity.watch.WatchlistEvidence;
import org.riskgate.selectivity.watch.Watchlists;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.selectivity.rules.Rules;

/**
 * Batch scoring on Spark: each day's declarations go to one task, in arrival order, where
 * riskgate's own {@link BatchScorer} — the code behind {@code riskgate score}, deciding through
 * the one {@link org.riskgate.selectivity.Decider} the server uses too — scores them, applies the
 * analysts' rules, fills the lanes under the day's capacity and explains the red and yellow ones. The model bundle and the rules travel to the executors with the job.
 */
public final class SparkScoring {
  private SparkScoring() {}

  /** The decision columns, as {@code riskgate score} writes them. */
  public static final StructType DECISIONS = new StructType()
      .add("declaration_id", DataTypes.StringType, false)
      .add("date", DataTypes.DateType, false)
      .add("office_id", DataTypes.StringType, false)
      .add("importer_id", DataTypes.StringType, false)
      .add("hs_code", DataTypes.StringType, false)
      .add("risk_score", DataTypes.DoubleType, false)
      .add("model_score", DataTypes.DoubleType, false)
      .add("lane", DataTypes.StringType, false)
      .add("random_pick", DataTypes.BooleanType, false)
      .add("rules_hit", DataTypes.StringType, false)
      .add("reasons", DataTypes.StringType, false)
      .add("model_bundle", DataTypes.StringType, false)
      .add("decided_at", DataTypes.StringType, false)
      .add(DeclarationRows.SEQ, DataTypes.LongType, false);

  /** What scoring needs besides the rows; what {@code riskgate score} takes as options. */
  public record Settings(Capacity capacity, long seed, int reasons, Objective objective) {
    /** The settings as they travel to the executors. */
    private Shipped shipped() {
      return new Shipped(capacity.redPercent(), capacity.yellowPercent(), capacity.randomPercent(),
          capacity.perOffice(), seed, reasons, objective);
    }
  }

  private record Shipped(double red, double yellow, double random, boolean perOffice, long seed, int reasons,
      Objective objective) implements Serializable {
    BatchScorer.Options options() {
      // one day at a time reaches the scorer, so its window never needs to split one
      return new BatchScorer.Options(new Capacity(red, yellow, random, perOffice), seed, reasons,
          Integer.MAX_VALUE, objective);
    }
  }

  /**
   * Decisions for {@code rows} (of {@link DeclarationRows#schema()}) with the bundle in {@code
   * bundleDir} and, when given, the rules in {@code rulesFile}.
   */
  public static Dataset<Row> score(SparkSession spark, Dataset<Row> rows, Path bundleDir,
      Optional<Path> rulesFile, Settings settings) throws IOException {
    return score(spark, rows, bundleDir, rulesFile, settings, EvidenceOptions.NONE);
  }

  /**
   * The evidence {@code riskgate score} takes beside the model, as its options name it: party
   * profiles from a labelled history ({@code --history}), the trader network from it ({@code
   * --network}), HS checks ({@code --hs-check}), document reports ({@code --documents}, the JSON
   * lines {@code riskgate docs verify --json} writes) and watchlists ({@code --watchlists}).
   *
   * @param history rows of {@link DeclarationRows#schema()} with outcomes
   */
  public record EvidenceOptions(Optional<Dataset<Row>> history, boolean network, boolean hsCheck,
      Optional<Path> documents, Watchlists watchlists) {
    public static final EvidenceOptions NONE = new EvidenceOptions(Optional.empty(), false, false, Optional.empty(),
        Watchlists.NONE);

    public EvidenceOptions {
      if (network && history.isEmpty()) {
        throw new IllegalArgumentException("--network needs --history: the network is built from past declarations");
      }
    }
  }

  /**
   * As {@link #score(SparkSession, Dataset, Path, Optional, Settings)}, with evidence: profiles are
   * summed on the cluster per row ({@link SparkPartyTallies}), the networks of the scored months
   * from sums over the cluster ({@link SparkNetwork}); both then reach the same evidence sources,
   * rules and reasons as on one machine.
   */
  public static Dataset<Row> score(SparkSession spark, Dataset<Row> rows, Path bundleDir,
      Optional<Path> rulesFile, Settings settings, EvidenceOptions evidence) throws IOException {
    Dataset<Row> in = rows;
    SparkPartyTallies.BaseRates base = null;
    TreeMap<LocalDate, TraderNetwork> networks = new TreeMap<>();
    if (evidence.history().isPresent()) {
      Dataset<Row> history = evidence.history().get();
      in = SparkPartyTallies.attach(rows, history, ProfileConfig.defaults());
      base = SparkPartyTallies.baseRates(history);
      if (evidence.network()) {
        networks.putAll(SparkNetwork.monthly(rows, history, NetworkConfig.defaults()));
      }
    }
    // the bundle and the rules travel as broadcast bytes: a cluster's executors take files but
    // not directories, and a broadcast reaches the executors of every cluster manager
    ArrayList<String> reports = new ArrayList<>();
    if (evidence.documents().isPresent()) {
      reports.addAll(Files.readAllLines(evidence.documents().get()));
      DocumentEvidence.parse(reports, evidence.documents().get()); // a bad line is reported before any Spark work
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Shipment> shipment = sc.broadcast(new Shipment(Bundles.pack(bundleDir),
        rulesFile.isPresent() ? Files.readString(rulesFile.get()) : "",
        rulesFile.map(Path::toString).orElse(""), settings.shipped(),
        new ShippedEvidence(base, networks, evidence.hsCheck(), reports,
            evidence.documents().map(Path::toString).orElse(""), new ArrayList<>(evidence.watchlists().all()))));
    return in.repartition(col("date")).sortWithinPartitions("date", DeclarationRows.SEQ)
        .mapPartitions(new DayScorer(shipment), Encoders.row(DECISIONS));
  }

  /** What every task needs: the bundle's files, the rules' text and where it came from, the settings. */
  private record Shipment(Bundles.Packed bundle, String rules, String rulesSource, Shipped settings,
      ShippedEvidence evidence) implements Serializable {}

  /** The evidence as it travels: base rates (null without a history), networks by month, lists. */
  private record ShippedEvidence(SparkPartyTallies.BaseRates base, TreeMap<LocalDate, TraderNetwork> networks,
      boolean hsCheck, ArrayList<String> reports, String reportsSource, ArrayList<Watchlist> watchlists)
      implements Serializable {}

  /** The HS toolkit, loaded once per executor JVM (its nomenclature and index take a while). */
  private static final class Hs {
    static final HsToolkit TOOLKIT = HsToolkit.builtIn();
  }

  /** Scores one task's rows, whole days in date order, one day at a time. */
  private static final class DayScorer implements MapPartitionsFunction<Row, Row> {
    private final Broadcast<Shipment> shipment;

    DayScorer(Broadcast<Shipment> shipment) {
      this.shipment = shipment;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) throws IOException {
      Shipment s = shipment.value();
      ModelBundle bundle = Bundles.unpack(s.bundle());
      ShippedEvidence e = s.evidence();
      Watchlists lists = Watchlists.of(e.watchlists());
      RuleSet rules = s.rules().isEmpty() ? RuleSet.NONE : Rules.parse(s.rules(), s.rulesSource(), lists);
      // the day's profile figures, made from the rows' tallies before the day is scored
      Map<Declaration, Map<String, Double>> profiles = new IdentityHashMap<>();
      // in the order riskgate score adds them: a finding's place in the reasons depends on it
      List<EvidenceSource> sources = new ArrayList<>();
      if (e.base() != null) {
        sources.add(new ProfileEvidence(profiles::get));
        if (!e.networks().isEmpty()) {
          sources.add(new NetworkEvidence(NetworkFeatures.of(e.networks())));
        }
      }
      if (e.hsCheck()) {
        sources.add(new HsEvidence(Hs.TOOLKIT));
      }
      if (!e.reportsSource().isEmpty()) {
        sources.add(DocumentEvidence.parse(e.reports(), Path.of(e.reportsSource())));
      }
      if (!lists.all().isEmpty()) {
        sources.add(new WatchlistEvidence(lists));
      }
      BatchScorer scorer = new BatchScorer(bundle, rules, EvidenceSource.all(sources), s.settings().options());
      return new Iterator<>() {
        private final ArrayDeque<Row> out = new ArrayDeque<>();
        private Row pending = in.hasNext() ? in.next() : null;

        @Override
        public boolean hasNext() {
          while (out.isEmpty() && pending != null) {
            scoreNextDay();
          }
          return !out.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return out.poll();
        }

        private void scoreNextDay() {
          List<Declaration> day = new ArrayList<>();
          List<Long> seqs = new ArrayList<>();
          LocalDate date = DeclarationRows.toDeclaration(pending).date();
          profiles.clear();
          while (pending != null) {
            Declaration d = DeclarationRows.toDeclaration(pending);
            if (!d.date().equals(date)) {
              break;
            }
            if (e.base() != null) {
              profiles.put(d, SparkPartyTallies.features(pending, d.date(), e.base(), ProfileConfig.defaults()));
            }
            day.add(d);
            seqs.add(DeclarationRows.seq(pending));
            pending = in.hasNext() ? in.next() : null;
          }
          int[] at = {0};
          scorer.score(day.iterator(), (d, dec) -> out.add(row(d, dec, seqs.get(at[0]++))), n -> { });
        }
      };
    }

    private static Row row(Declaration d, Decision dec, long seq) {
      return RowFactory.create(dec.declarationId(), d.date(), d.officeId(), d.importerId(), d.hsCode(),
          dec.score(), dec.modelScore(), dec.lane().label(), dec.randomPick(),
          dec.rulesHit().stream().map(h -> h.ruleId()).collect(Collectors.joining(" ")),
          dec.reasonsText(), dec.modelBundleId(), dec.decidedAt().toString(), seq);
    }
  }
}
