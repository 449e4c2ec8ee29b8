package org.riskgate.server.loop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.evidence.Phrase;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.Provenance;
import org.riskgate.risk.drift.DriftConfig;
import org.riskgate.risk.drift.DriftMonitor;
import org.riskgate.risk.drift.DriftReport;
import org.riskgate.server.Platform;
import org.riskgate.server.Refusals;
import org.riskgate.server.Worded;
import org.riskgate.server.store.DeclarationStore;

/**
 * Drift of the stored declarations dated after the champion's training period, against that
 * period, read from where the champion's provenance says its training data is. The report is kept
 * until the store or the champion changes: the reference alone is a walk over the whole training
 * period.
 */
public final class DriftService {
  private final DeclarationStore declarations;
  private final DriftConfig config;
  private final AtomicReference<Cached> cache = new AtomicReference<>();

  private record Cached(String bundleId, long stored, DriftReport report) {}

  /** Drift cannot be measured for the champion, with the reason in words for the dashboard. */
  public static final class Unmeasurable extends IllegalStateException implements Worded {
    private final transient Phrase words;

    Unmeasurable(Phrase words) {
      super(words.english());
      this.words = words;
    }

    @Override
    public Optional<Phrase> words() {
      return Optional.of(words);
    }
  }

  public DriftService(DeclarationStore declarations, DriftConfig config) {
    this.declarations = declarations;
    this.config = config;
  }

  /**
   * The champion's drift report.
   *
   * @throws Unmeasurable when the training data is no longer where the provenance says,
   *     or is not what the champion was trained on, or nothing is stored after the training period
   */
  public DriftReport report(ModelBundle champion) throws IOException {
    long stored = declarations.count();
    Cached c = cache.get();
    if (c != null && c.bundleId().equals(champion.id()) && c.stored() == stored) {
      return c.report();
    }
    Provenance p = champion.provenance();
    Path data = Path.of(p.trainingFile());
    if (!Files.exists(data) || !Declarations.sha256(data).equals(p.trainingSha256())) {
      throw new Unmeasurable(Refusals.phrase("refused.driftTraining", champion.id(), data));
    }
    LocalDate end = LocalDate.parse(p.periodTo());
    List<Declaration> training = Declarations.readAll(data, Period.of(LocalDate.parse(p.periodFrom()), end),
        ColumnMapping.defaults(), new Platform.Collected());
    List<Declaration> later = declarations.history().stream().filter(d -> d.date().isAfter(end)).toList();
    if (later.isEmpty()) {
      throw new Unmeasurable(Refusals.phrase("refused.driftLater", end));
    }
    DriftReport r = DriftMonitor.measure(champion, training, later, config);
    cache.set(new Cached(champion.id(), stored, r));
    return r;
  }
}
