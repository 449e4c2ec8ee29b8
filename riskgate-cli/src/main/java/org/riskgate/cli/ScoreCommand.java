package org.riskgate.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.util.List;
import java.util.Optional;
import org.riskgate.core.DeclarationStream;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.lake.ParquetFiles;
import org.riskgate.core.RejectFile;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.selectivity.BatchScorer;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Decision;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.documents.DocumentEvidence;
import org.riskgate.hs.HsEvidence;
import org.riskgate.hs.HsToolkit;
import org.riskgate.profiles.ProfileEvidence;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.NetworkEvidence;
import org.riskgate.profiles.network.NetworkFeatures;
import org.riskgate.selectivity.watch.WatchlistEvidence;
import org.riskgate.selectivity.watch.Watchlists;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.selectivity.rules.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate score}: declarations in, lanes and reasons out, streaming. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score declarations into red / yellow / green lanes under the inspection capacity, with reasons.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model bundle.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "IN",
      description = "Declarations to score: a CSV or Parquet file or a lake directory, --from/--to picking the period "
          + "(Fraud columns, if any, are ignored).")
  Path inputFile;

  @Option(names = "--output", required = true, paramLabel = "OUT.csv|OUT.parquet", description = "Decisions, one row per readable input row.")
  Path output;

  @Option(names = "--capacity", defaultValue = "red=3,yellow=7", paramLabel = "red=P,yellow=P",
      description = "Shares of each day's declarations for the red and yellow lanes, in %% (default: ${DEFAULT-VALUE}).")
  String capacity;

  @Option(names = "--random-share", defaultValue = "0", paramLabel = "P",
      description = "%% of declarations picked at random for inspection, out of the red share (default: ${DEFAULT-VALUE}).")
  double randomShare;

  @Option(names = "--per-office", description = "Apply the capacity per office and day instead of per day.")
  boolean perOffice;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Analysts' selectivity rules, applied beside the model (see docs/rules.md).")
  Path rules;

  @Option(names = "--history", paramLabel = "LABELLED",
      description = "Past declarations with outcomes (CSV, Parquet or lake, read up to --to): party profiles from it "
          + "(importer.hit_rate ...), as of each declaration's date, become attributes rules can test.")
  Path history;

  @Option(names = "--hs-check",
      description = "Check each declared HS code against HS 2022 (hs.not_in_nomenclature) and, where there is a description, "
          + "against it (hs.mismatch, hs.mismatch_score, hs.review_object): figures rules can test, and hs reasons on the decision.")
  boolean hsCheck;

  @Option(names = "--network",
      description = "With --history: trader-network figures (net.declarant_new_importers ...) as of each declaration's month, "
          + "and network reasons.")
  boolean network;

  @Option(names = "--documents", paramLabel = "REPORTS.jsonl",
      description = "Document checks: one JSON line per page, as 'riskgate docs verify --json' prints it plus a declaration_id: "
          + "docs.suspicious, docs.worst_similarity (and per kind, docs.stamp.*, docs.signature.*) and documents reasons.")
  Path documents;

  @Option(names = "--watchlists", paramLabel = "LISTS.csv",
      description = "Supervisors' watchlists, lines watchlist,kind,entry (kind: importer, declarant, seller, company, country, hs): "
          + "rules test them with 'FIELD in watchlist \"NAME\"', and listed declarations carry watchlist reasons.")
  Path watchlists;

  @Option(names = "--objective", defaultValue = "frauds", paramLabel = "frauds|revenue",
      description = "What the capacity is spent on: frauds (the riskiest declarations, the default) or revenue "
          + "(the highest expected tax recovered: risk × the declaration's tax).")
  Objective objective;

  @Option(names = "--seed", defaultValue = "20210101", description = "Seed of the random picks (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin InputOptions input;

  /** The decision columns, in order, with their types when written as Parquet. */
  private static final java.util.SequencedMap<String, String> DECISION_COLUMNS = new java.util.LinkedHashMap<>();

  static {
    for (String c : List.of("declaration_id:VARCHAR", "date:DATE", "office_id:VARCHAR", "importer_id:VARCHAR",
        "hs_code:VARCHAR", "risk_score:DOUBLE", "model_score:DOUBLE", "lane:VARCHAR", "random_pick:BOOLEAN",
        "rules_hit:VARCHAR", "reasons:VARCHAR", "model_bundle:VARCHAR", "decided_at:VARCHAR")) {
      DECISION_COLUMNS.put(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1));
    }
  }

  @Override
  public Integer call() throws IOException {
    Capacity cap = Capacity.parse(capacity, randomShare, perOffice);
    ModelBundle bundle = ModelBundle.load(model);
    Watchlists lists = watchlists == null ? Watchlists.NONE : Watchlists.read(watchlists);
    RuleSet ruleSet = rules == null ? RuleSet.NONE : Rules.load(rules, lists);
    List<EvidenceSource> sources = new java.util.ArrayList<>();
    if (network && history == null) {
      throw new IllegalArgumentException("--network needs --history: the network is built from past declarations");
    }
    if (history != null) {
      // profiles are point-in-time: what is dated after the scored period cannot matter
      List<org.riskgate.core.Declaration> past = input.readAll(history, new Period(Optional.empty(), input.period().to()),
          output.toAbsolutePath().getParent()).rows();
      sources.add(new ProfileEvidence(ProfileStore.build(past, ProfileConfig.defaults())::features));
      if (network) {
        sources.add(new NetworkEvidence(NetworkFeatures.monthly(past, NetworkConfig.defaults())));
      }
    }
    if (hsCheck) {
      sources.add(new HsEvidence(HsToolkit.builtIn()));
    }
    if (documents != null) {
      sources.add(DocumentEvidence.read(documents));
    }
    if (watchlists != null) {
      sources.add(new WatchlistEvidence(lists));
    }
    EvidenceSource evidence = EvidenceSource.all(sources);
    BatchScorer scorer = new BatchScorer(bundle, ruleSet, evidence,
        new BatchScorer.Options(cap, seed, 3, 200_000, objective));
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    BatchScorer.Summary s;
    boolean parquet = ParquetFiles.isParquet(output);
    // Parquet is written from a CSV of the decisions, streamed as for a CSV output
    Path csv = parquet ? output.resolveSibling(output.getFileName() + ".csv.tmp") : output;
    try (RejectFile rejects = RejectFile.beside(output)) {
      try (DeclarationStream reader = Declarations.open(inputFile, input.period(), input.mapping(), rejects);
          CsvWriter out = parquet ? ParquetFiles.csvWriter(csv) : CsvWriter.builder().bufferSize(1 << 16).build(csv);
          ProgressBar bar = new ProgressBarBuilder().setTaskName("Scoring").setUnit(" rows", 1)
              .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setInitialMax(-1)
              .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
        out.writeRecord(DECISION_COLUMNS.keySet());
        Rows rows = new Rows(out);
        s = scorer.score(reader, rows::write, bar::stepTo);
      }
      if (parquet) {
        try {
          ParquetFiles.fromCsv(csv, output, DECISION_COLUMNS);
        } finally {
          Files.deleteIfExists(csv);
        }
      }
      printSummary(s, rejects);
    }
    System.out.println("decisions: " + output.toAbsolutePath());
    return 0;
  }

  /**
   * Writes decisions as CSV rows. Runs on the scorer's single writer thread. A day's rows share
   * their date and decision time, so those are formatted once per day rather than per row.
   */
  private static final class Rows {
    private final CsvWriter out;
    private java.time.LocalDate date;
    private String dateText;
    private java.time.Instant decided;
    private String decidedText;

    Rows(CsvWriter out) {
      this.out = out;
    }

    void write(org.riskgate.core.Declaration d, Decision dec) {
      if (!d.date().equals(date)) {
        date = d.date();
        dateText = date.toString();
      }
      if (!dec.decidedAt().equals(decided)) {
        decided = dec.decidedAt();
        decidedText = decided.toString();
      }
      out.writeRecord(dec.declarationId(), dateText, d.officeId(), d.importerId(), d.hsCode(),
          probability(dec.score()), probability(dec.modelScore()),
          dec.lane().label(), dec.randomPick() ? "1" : "0",
          dec.rulesHit().isEmpty() ? "" : dec.rulesHit().stream().map(h -> h.ruleId()).collect(Collectors.joining(" ")),
          dec.reasonsText(), dec.modelBundleId(), decidedText);
    }
  }

  /** A probability with six decimals; String.format is the slowest step of writing a million rows. */
  static String probability(double p) {
    long micro = Math.round(Math.max(0, Math.min(1, p)) * 1_000_000);
    if (micro == 1_000_000) {
      return "1.000000";
    }
    String digits = Long.toString(1_000_000 + micro);
    return "0." + digits.substring(1);
  }

  static void printSummary(BatchScorer.Summary s, RejectFile rejects) {
    System.out.printf(Locale.ROOT, "scored %,d declarations: red %,d, yellow %,d, green %,d (random picks %,d)%n",
        s.scored(), s.lanes().get(Lane.RED), s.lanes().get(Lane.YELLOW), s.lanes().get(Lane.GREEN), s.randomPicks());
    if (s.ruleHits() > 0 || s.ruleErrors() > 0) {
      System.out.printf(Locale.ROOT, "rules: %,d hits, %,d errors (rules skipped)%n", s.ruleHits(), s.ruleErrors());
    }
    if (rejects.count() > 0) {
      System.out.printf(Locale.ROOT, "rejected %,d rows: see %s (first: %s)%n", rejects.count(), rejects.path(),
          rejects.first().get(0).describe());
    }
    if (s.datedWithinTraining() > 0) {
      System.out.printf(Locale.ROOT, "note: %,d declarations are dated within the model's training period; "
          + "their features include their own day's history%n", s.datedWithinTraining());
    }
  }
}
