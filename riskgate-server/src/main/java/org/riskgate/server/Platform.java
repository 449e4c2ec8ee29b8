package org.riskgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.Evaluator;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Objective;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;
import org.riskgate.selectivity.Capacity;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.RuleSet;
import org.riskgate.selectivity.rules.Rules;
import org.riskgate.server.auth.AuthService;
import org.riskgate.server.checks.DocumentService;
import org.riskgate.server.checks.HsService;
import org.riskgate.server.checks.NetworkService;
import org.riskgate.server.checks.ProfileService;
import org.riskgate.server.decide.DecisionService;
import org.riskgate.server.decide.Thresholds;
import org.riskgate.server.store.DataDirectory;
import org.riskgate.server.store.Database;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.DocumentStore;
import org.riskgate.server.store.GroupCommit;
import org.riskgate.server.store.InspectionResult;
import org.riskgate.server.store.ModelRecord;
import org.riskgate.server.store.ModelStore;
import org.riskgate.server.store.Settings;
import org.riskgate.server.store.UserStore;

/**
 * Everything behind the HTTP layer, wired once: the store, users, models and decisions. Opening
 * it migrates the store, creates the first admin, makes sure a model is active and, on an empty
 * store, loads the demo data.
 */
public final class Platform implements AutoCloseable {
  /** Declarations of the last days of the demo period are left without results for analysts. */
  static final int DEMO_OPEN_DAYS = 14;
  private static final int CALIBRATION_ROWS = 20_000;

  private final ServerConfig config;
  private final Database db;
  private final DeclarationStore declarations;
  private final org.riskgate.server.store.CaseStore cases;
  private final UserStore users;
  private final ModelStore models;
  private final Settings settings;
  private final AuthService auth;
  private final DecisionService decisions;
  private final HsService hs;
  private final DocumentService documents;
  private final ProfileService profiles;
  private final org.riskgate.server.store.WatchlistStore watchlists;
  private final GroupCommit singles;
  private final org.riskgate.server.lab.DataLab lab;
  private final org.riskgate.server.loop.ChallengerService challengers;
  private final org.riskgate.server.loop.DriftService drift;
  private final NetworkService network;
  private final SimilarCases similar;

  private Platform(ServerConfig config, Database db, AuthService auth, DecisionService decisions,
      ProfileService profiles, NetworkService network, HsService hs, DocumentService documents,
      org.riskgate.server.store.WatchlistStore watchlists) {
    this.config = config;
    this.db = db;
    this.declarations = new DeclarationStore(db);
    this.similar = new SimilarCases(declarations, java.time.Clock.systemUTC());
    this.cases = new org.riskgate.server.store.CaseStore(db);
    this.users = new UserStore(db);
    this.models = new ModelStore(db);
    this.settings = new Settings(db);
    this.auth = auth;
    this.decisions = decisions;
    this.singles = new GroupCommit(declarations);
    this.hs = hs;
    this.documents = documents;
    this.profiles = profiles;
    this.network = network;
    this.watchlists = watchlists;
    this.lab = new org.riskgate.server.lab.DataLab(config.lake(), db);
    this.challengers = new org.riskgate.server.loop.ChallengerService(db, declarations, models,
        config.dataDir().toAbsolutePath().resolve("models"),
        org.riskgate.server.loop.ChallengerService.trainRecipe(XGBoostOptions.DEFAULT), this::activateModel);
    this.drift = new org.riskgate.server.loop.DriftService(declarations, org.riskgate.risk.drift.DriftConfig.DEFAULT);
  }

  /**
   * Stores one decided declaration (sharing a commit with concurrent requests); returns once it
   * is committed.
   */
  public void storeOne(DeclarationStore.Decided row) {
    singles.store(row);
    profiles.added(List.of(row.declaration()));
    network.changed(1);
    challengers.shadow(List.of(row.declaration()));
  }

  /**
   * Records an inspection result (audited), and the profiles learn it at once. Serialised: the
   * profiles are told what the result replaced, which a concurrent correction must not change
   * in between.
   */
  public synchronized boolean recordResult(InspectionResult r) {
    Optional<org.riskgate.server.store.CaseFile> before = declarations.find(r.declarationId());
    boolean stored = before.isPresent() && declarations.recordResult(r);
    if (stored) {
      profiles.recorded(before.get().declaration(), before.get().result(), r);
      network.changed(1);
      similar.changed();
    }
    return stored;
  }

  /**
   * Opens the platform.
   *
   * @param out where the first admin's one-time password and progress are printed
   */
  public static Platform open(ServerConfig config, PrintStream out) throws IOException {
    Database db = DataDirectory.open(config.dataDir(), config.dbUrl(), config.dbPassword(), config.syncJournal());
    try {
      UserStore users = new UserStore(db);
      AuthService auth = new AuthService(users, config.bcryptStrength(), config.limits().tokenTtl(),
          java.time.Clock.systemUTC());
      auth.createFirstAdmin().ifPresent(pw -> {
        out.println("riskgate: first start: created user 'admin' with one-time password: " + pw);
        out.println("riskgate: it is shown only now; you will be asked to change it at first login.");
      });
      ModelStore models = new ModelStore(db);
      ModelBundle bundle = activeBundle(config, models, out);
      Settings settings = new Settings(db);
      Capacity capacity = settings.get(Settings.CAPACITY).map(Platform::readCapacity)
          .orElse(new Capacity(3, 7, 1, false));
      Objective objective = settings.get(Settings.OBJECTIVE).flatMap(Objective::named).orElse(Objective.FRAUDS);
      String rulesText = settings.get(Settings.RULES).orElse("");
      DeclarationStore store = new DeclarationStore(db);
      List<Declaration> fileHistory = ProfileService.readHistory(
          config.demoData().map(d -> d.resolve("df_syn_train_eng.csv")).filter(Files::isRegularFile));
      ProfileService profiles = new ProfileService(store, fileHistory);
      // the network is rebuilt in the background from the file and the store as they grow
      NetworkService network = new NetworkService(() -> {
        List<Declaration> all = new ArrayList<>(fileHistory);
        all.addAll(store.history());
        return all;
      }, org.riskgate.profiles.network.NetworkConfig.defaults(), NetworkService.Schedule.DEFAULT,
          java.time.Clock.systemUTC());
      org.riskgate.server.store.WatchlistStore watchlists = new org.riskgate.server.store.WatchlistStore(db);
      RuleSet rules = rulesText.isBlank() ? RuleSet.NONE : Rules.parse(rulesText, "rules", watchlists);
      HsService hs = new HsService();
      DocumentService documents = new DocumentService(new DocumentStore(db),
          config.dataDir().toAbsolutePath().resolve("documents"), config.dataDir().toAbsolutePath().resolve("registry"),
          config.maxImagePixels(), config.limits().imageDecoders());
      // one evidence source per capability, each read live at every decision
      DecisionService decisions = new DecisionService(new DecisionService.Config(bundle, rules, rulesText, capacity,
          objective, Thresholds.calibrate(recentPriorities(store, config.dates(), objective), capacity)),
          org.riskgate.core.evidence.EvidenceSource.all(List.of(hs.evidence(), documents.evidence(),
              profiles.evidence(), network.evidence(), new org.riskgate.selectivity.watch.WatchlistEvidence(watchlists))));
      Platform p = new Platform(config, db, auth, decisions, profiles, network, hs, documents, watchlists);
      if (store.count() == 0 && config.demoData().isPresent()) {
        p.loadDemo(config.demoData().get(), out);
      }
      return p;
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static ModelBundle activeBundle(ServerConfig config, ModelStore models, PrintStream out) throws IOException {
    if (config.model().isPresent()) {
      Path dir = config.model().get().toAbsolutePath();
      ModelBundle b = ModelBundle.load(dir);
      register(models, b, dir, config.demoData(), "system");
      if (models.active().map(m -> !m.id().equals(b.id())).orElse(true)) {
        models.activate(b.id(), "system");
      }
      return b;
    }
    Path demo = config.dataDir().toAbsolutePath().resolve("models").resolve("demo");
    Optional<ModelRecord> active = models.active();
    if (active.isPresent() && !Path.of(active.get().bundlePath()).equals(demo)) {
      return ModelBundle.load(Path.of(active.get().bundlePath()));
    }
    ModelBundle b = demoBundle(demo, config.demoData(), XGBoostOptions.DEFAULT, out);
    register(models, b, demo, config.demoData(), "system");
    if (active.map(m -> !m.id().equals(b.id())).orElse(true)) {
      models.activate(b.id(), "system");
    }
    return b;
  }

  /**
   * The platform's own demo model: loaded, or trained on first start. A demo model this riskgate
   * cannot read (made by an older version) is moved aside, not deleted, and trained anew: the
   * platform made it from the bundled data and can make it again, where a bundle an operator
   * registered is never replaced behind their back.
   */
  static ModelBundle demoBundle(Path dir, Optional<Path> demoData, XGBoostOptions options, PrintStream out)
      throws IOException {
    if (Files.isRegularFile(dir.resolve("provenance.json"))) {
      try {
        return ModelBundle.load(dir);
      } catch (IOException e) {
        if (demoData.isEmpty()) {
          throw e;
        }
        Path aside = dir.resolveSibling(dir.getFileName() + "-unreadable-"
            + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now()));
        Files.move(dir, aside);
        out.println("riskgate: the demo model cannot be read (" + e.getMessage() + "); moved it to " + aside
            + " and training it anew");
      }
    }
    Path data = demoData.orElseThrow(() -> new IllegalStateException(
        "no model is active and no demo data to train one on: pass --model DIR"));
    out.println("riskgate: training the demo model on " + data.resolve("df_syn_train_eng.csv")
        + " (once; about a minute)...");
    return trainDemo(data.resolve("df_syn_train_eng.csv"), dir, options);
  }

  /**
   * Trains a bundle the way {@code riskgate train} does (same preparation, same trainer) and
   * saves it.
   */
  public static ModelBundle trainDemo(Path trainFile, Path dir, XGBoostOptions options) throws IOException {
    Collected rejects = new Collected();
    List<Declaration> rows = DeclarationReader.readAll(trainFile, ColumnMapping.defaults(), rejects);
    RiskTraining.Prepared prepared = RiskTraining.prepare(rows, Optional.empty());
    ModelBundle b = RiskTraining.fit(prepared, new BlendTrainer(options), FeatureSet.ALL,
        new RiskTraining.Source(trainFile, rejects.count(), Optional.empty()));
    b.save(dir);
    return b;
  }

  private static void register(ModelStore models, ModelBundle b, Path dir, Optional<Path> demoData, String actor)
      throws IOException {
    if (models.find(b.id()).isPresent()) {
      return;
    }
    String evaluation = "{}";
    Optional<Path> valid = demoData.map(d -> d.resolve("df_syn_valid_eng.csv")).filter(Files::isRegularFile);
    if (valid.isPresent()) {
      try {
        List<Declaration> rows = DeclarationReader.readAll(valid.get(), ColumnMapping.defaults(), new Collected());
        Evaluator.ModelEvaluation e = Evaluator.evaluate(b, rows);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", valid.get().getFileName().toString());
        m.put("metrics", e.metrics());
        evaluation = Json.write(m);
      } catch (IllegalArgumentException e) {
        // a period that overlaps the bundle's training cannot judge it: register without figures
        evaluation = Json.write(Map.of("skipped", e.getMessage()));
      }
    }
    models.register(new ModelRecord(b.id(), dir.toString(), b.provenance().trainer(),
        Json.write(b.provenance()), evaluation, false), actor);
  }

  /** Loads the public demo period into an empty store, scored, with past inspections recorded. */
  private void loadDemo(Path data, PrintStream out) throws IOException {
    Path file = data.resolve("df_syn_valid_eng.csv");
    Collected rejects = new Collected();
    List<Declaration> rows = DeclarationReader.readAll(file, ColumnMapping.defaults(), rejects);
    List<DeclarationStore.Decided> decided = decisions.decideBatch(rows, "demo");
    storeBatch(file.getFileName().toString(), "demo", decided);
    // The demo period's own outcomes stand in for inspections already done, except in its last
    // days, which are left open for analysts to work on.
    java.time.LocalDate last = rows.stream().map(Declaration::date).max(java.util.Comparator.naturalOrder())
        .orElseThrow();
    java.time.LocalDate openFrom = last.minusDays(DEMO_OPEN_DAYS - 1);
    List<InspectionResult> past = new ArrayList<>();
    for (DeclarationStore.Decided d : decided) {
      Declaration x = d.declaration();
      if (d.decision().lane() == Lane.RED && x.date().isBefore(openFrom) && x.outcome().isPresent()) {
        past.add(new InspectionResult(x.id(), x.isFraud(), x.isFraud() ? x.outcome().get().criticalFraud() : 0,
            x.isFraud() ? Math.round(x.taxAtStake()) : 0, "demo: outcome from the public data", "demo",
            java.time.Instant.now()));
      }
    }
    past.forEach(this::recordResult);
    out.printf("riskgate: demo data: %d declarations scored from %s (%d rejected rows), %d past inspection results%n",
        decided.size(), file, rejects.count(), past.size());
  }

  /**
   * Stores a decided batch in one transaction, then calibrates the single-declaration thresholds
   * anew on the traffic it joins.
   *
   * @return the batch id
   */
  public long storeBatch(String sourceName, String actor, List<DeclarationStore.Decided> rows) {
    long id = declarations.storeBatch(sourceName, actor, rows);
    profiles.added(rows.stream().map(DeclarationStore.Decided::declaration).toList());
    network.changed(rows.size());
    challengers.shadow(rows.stream().map(DeclarationStore.Decided::declaration).toList());
    recalibrate();
    return id;
  }

  /** The latest decisions' priorities within the accepted date window (see the store's query). */
  private static double[] recentPriorities(DeclarationStore store, DateWindow dates, Objective objective) {
    java.time.LocalDate today = java.time.LocalDate.now();
    return store.recentPriorities(CALIBRATION_ROWS, objective, dates.earliest(), today.plusDays(dates.daysAhead()));
  }

  /** Re-derives the single-declaration thresholds from the latest stored scores. */
  public synchronized void recalibrate() {
    calibrated(decisions.config().capacity(), decisions.config().objective());
  }

  /** Puts a capacity and objective in force with thresholds calibrated on the latest stored decisions. */
  private synchronized void calibrated(Capacity capacity, Objective objective) {
    double[] recent = recentPriorities(declarations, config.dates(), objective);
    decisions.reconfigure(c -> new DecisionService.Config(c.bundle(), c.rules(), c.rulesText(), capacity,
        objective, Thresholds.calibrate(recent, capacity)));
  }

  /** Changes the capacity, audited with the previous value. */
  public void changeCapacity(Capacity capacity, String actor) {
    Capacity before = decisions.config().capacity();
    settings.set(Settings.CAPACITY, Json.write(capacity), actor,
        Json.write(Map.of("capacity", capacity, "previous", before)));
    calibrated(capacity, decisions.config().objective());
  }

  /**
   * Changes what the capacity is spent on, audited with the previous objective; thresholds are
   * calibrated anew, since they compare what the new objective ranks by.
   */
  public void changeObjective(Objective objective, String actor) {
    Objective before = decisions.config().objective();
    settings.set(Settings.OBJECTIVE, objective.label(), actor,
        Json.write(Map.of("objective", objective.label(), "previous", before.label())));
    calibrated(decisions.config().capacity(), objective);
  }

  /**
   * The longest rule text accepted: the audit line holds it with the text it replaces, JSON-escaped,
   * within the store's 200,000 characters.
   */
  public static final int MAX_RULES_CHARS = 40_000;

  /** Replaces the analysts' rules (checked before anything is stored), audited with the text. */
  public void changeRules(String text, String actor) {
    if (text.length() > MAX_RULES_CHARS) {
      throw Refusals.refused("refused.rulesLength", MAX_RULES_CHARS, text.length());
    }
    if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')) {
      throw Refusals.refused("refused.rulesControl");
    }
    RuleSet rules = text.isBlank() ? RuleSet.NONE : Rules.parse(text, "rules", watchlists);
    String before = decisions.config().rulesText();
    settings.set(Settings.RULES, text, actor, Json.write(Map.of("rules", text, "previous", before)));
    decisions.reconfigure(c -> new DecisionService.Config(c.bundle(), rules, text, c.capacity(), c.objective(),
        c.thresholds()));
  }

  /**
   * Replays a draft of the rules over every stored declaration (with its recorded result and its
   * stored model score, and the parties' profiles as of its date) without changing anything.
   *
   * @throws org.riskgate.selectivity.rules.RulesException when the draft does not parse
   */
  public org.riskgate.selectivity.rules.BacktestReport backtestRules(String draft) {
    org.riskgate.selectivity.rules.Backtest b = new org.riskgate.selectivity.rules.Backtest(Rules.parse(draft, "draft"));
    declarations.replay((d, score) -> b.accept(d, score, profiles.features(d)));
    return b.report();
  }

  /** Registers a bundle directory on the server (evaluated on the demo period when available). */
  public ModelRecord registerModel(Path dir, String actor) throws IOException {
    ModelBundle b = ModelBundle.load(dir.toAbsolutePath());
    register(models, b, dir.toAbsolutePath(), config.demoData(), actor);
    return models.find(b.id()).orElseThrow();
  }

  /** Makes a registered bundle the active one. */
  public void activateModel(String id, String actor) throws IOException {
    ModelRecord m = models.find(id).orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noModel", id)));
    ModelBundle b = ModelBundle.load(Path.of(m.bundlePath()));
    models.activate(id, actor);
    decisions.reconfigure(c -> new DecisionService.Config(b, c.rules(), c.rulesText(), c.capacity(), c.objective(),
        c.thresholds()));
  }

  private static Capacity readCapacity(String json) {
    try {
      return Json.MAPPER.readValue(json, Capacity.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored capacity cannot be read", e);
    }
  }

  public ServerConfig config() {
    return config;
  }

  public Database db() {
    return db;
  }

  public DeclarationStore declarations() {
    return declarations;
  }

  /** Similar past declarations, for the declaration page. */
  public SimilarCases similar() {
    return similar;
  }

  /** Cases: status, assignee, comments of red and yellow declarations. */
  public org.riskgate.server.store.CaseStore cases() {
    return cases;
  }

  public UserStore users() {
    return users;
  }

  public ModelStore models() {
    return models;
  }

  public AuthService auth() {
    return auth;
  }

  public DecisionService decisions() {
    return decisions;
  }

  public HsService hs() {
    return hs;
  }

  public DocumentService documents() {
    return documents;
  }

  /** The analysts' SQL over the lake. */
  public org.riskgate.server.lab.DataLab lab() {
    return lab;
  }

  public ProfileService profiles() {
    return profiles;
  }

  /** The trader network, rebuilt in the background. */
  public NetworkService network() {
    return network;
  }

  /** The challenger in shadow: retraining, evaluation, promotion. */
  public org.riskgate.server.loop.ChallengerService challengers() {
    return challengers;
  }

  /** Drift of the stored declarations against the champion's training period. */
  public org.riskgate.server.loop.DriftService drift() {
    return drift;
  }

  /** The supervisors' watchlists that rules and decisions read. */
  public org.riskgate.server.store.WatchlistStore watchlists() {
    return watchlists;
  }

  /**
   * Decides a stored declaration again once its documents are checked, so their verdicts reach
   * its decision (rules testing {@code docs.*}, documents reasons). Only a stricter lane replaces
   * the stored one (audited): a document check never clears what was already selected.
   *
   * @return the lane in force afterwards
   */
  public Lane recheckAfterDocuments(String declarationId, String actor) {
    org.riskgate.server.store.CaseFile c = declarations.find(declarationId)
        .orElseThrow(() -> new NotFoundException(Refusals.phrase("refused.noDeclaration", declarationId)));
    org.riskgate.server.store.StoredDecision now = decisions.decideOne(c.declaration(), actor).decision();
    if (now.lane().ordinal() < c.decision().lane().ordinal()
        && declarations.reviseDecision(now, c.decision().lane(), "documents checked")) {
      return now.lane();
    }
    return c.decision().lane();
  }

  /**
   * Creates or replaces a watchlist (audited); refused when the rules in force would no longer
   * compile with it (a list they test for another kind of value).
   */
  public boolean putWatchlist(org.riskgate.selectivity.watch.Watchlist w, String actor) {
    List<org.riskgate.selectivity.watch.Watchlist> after = new ArrayList<>(watchlists.all().stream()
        .filter(x -> !x.name().equals(w.name())).toList());
    after.add(w);
    rulesStillCompile(after, w.name());
    return watchlists.put(w, actor);
  }

  /**
   * Deletes a watchlist (audited); refused while the rules in force name it, since those rules
   * would then fail on every declaration.
   */
  public boolean deleteWatchlist(String name, String actor) {
    rulesStillCompile(watchlists.all().stream().filter(w -> !w.name().equals(name)).toList(), name);
    return watchlists.delete(name, actor);
  }

  private void rulesStillCompile(List<org.riskgate.selectivity.watch.Watchlist> lists, String name) {
    String text = decisions.config().rulesText();
    if (text.isBlank()) {
      return;
    }
    try {
      Rules.parse(text, "rules", org.riskgate.selectivity.watch.Watchlists.of(lists));
    } catch (org.riskgate.selectivity.rules.RulesException e) {
      throw new org.riskgate.server.api.ApiException(409, Refusals.phrase("refused.watchlistInUse", name,
          e.problems().get(0).words()));
    }
  }

  @Override
  public void close() {
    network.close();
    singles.close();
    challengers.close();
    db.close();
  }

  /** Collects rejected rows. */
  public static final class Collected implements RejectSink {
    private final List<Reject> rejects = new ArrayList<>();

    @Override
    public void reject(Reject reject) {
      rejects.add(reject);
    }

    @Override
    public long count() {
      return rejects.size();
    }

    public List<Reject> all() {
      return List.copyOf(rejects);
    }
  }
}
