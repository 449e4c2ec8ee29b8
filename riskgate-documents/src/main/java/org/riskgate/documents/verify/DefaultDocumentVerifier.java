package org.riskgate.documents.verify;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.riskgate.documents.Detection;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.DocumentVerifier;
import org.riskgate.documents.Reference;
import org.riskgate.documents.RegionResult;
import org.riskgate.documents.VerificationReport;
import org.riskgate.documents.Verdict;
import org.riskgate.documents.VerifierConfig;
import org.riskgate.documents.Method;
import org.riskgate.documents.compare.ClassicalEmbedder;
import org.riskgate.documents.compare.CnnEmbedder;
import org.riskgate.documents.compare.Embedder;
import org.riskgate.documents.compare.Thresholds;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.image.PageLoader;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.registry.FileReferenceRegistry;

/**
 * Loads the page safely, brings it to 300 dpi ({@link Resolution}), detects regions, and compares
 * each with every active reference of the claimed issuer and the region's kind; the best match
 * decides, because an issuer may have several valid stamps at once. Boxes are reported in the
 * page's own pixels.
 */
public final class DefaultDocumentVerifier implements DocumentVerifier {

  private final PageLoader loader;
  private final InkDetector detector = new InkDetector();
  private final Embedder embedder;
  private final FileReferenceRegistry registry;
  private final Thresholds thresholds;
  private final Clock clock;

  /** A verifier from its parts; {@code clock} decides which references are in their validity period. */
  public DefaultDocumentVerifier(PageLoader loader, Embedder embedder, FileReferenceRegistry registry, Thresholds thresholds, Clock clock) {
    this.loader = Objects.requireNonNull(loader);
    this.embedder = Objects.requireNonNull(embedder);
    this.registry = Objects.requireNonNull(registry);
    this.thresholds = Objects.requireNonNull(thresholds);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The verifier a configuration describes, with the shipped thresholds and the system clock. */
  public static DocumentVerifier open(VerifierConfig config) {
    PageLoader loader = new PageLoader(config.maxPixels());
    Embedder embedder = embedder(config.method());
    return new DefaultDocumentVerifier(loader, embedder, registry(config, embedder), Thresholds.shipped(config.method()),
        Clock.systemDefaultZone());
  }

  /** The registry a configuration names, embedding with the configured method. */
  public static FileReferenceRegistry registry(VerifierConfig config) {
    return registry(config, embedder(config.method()));
  }

  private static FileReferenceRegistry registry(VerifierConfig config, Embedder embedder) {
    return new FileReferenceRegistry(config.registry(), new PageLoader(config.maxPixels()), List.of(embedder));
  }

  /**
   * The embedder of a method. The CNN's is shared: its weights and the PyTorch engine load once
   * per JVM.
   */
  public static Embedder embedder(Method method) {
    return switch (method) {
      case CLASSICAL -> new ClassicalEmbedder();
      case CNN -> Cnn.INSTANCE;
      case BEST -> new PerKindEmbedder(Method.BEST);
    };
  }

  /** Holder idiom: the engine starts on first use of the CNN only. */
  private static final class Cnn {
    static final CnnEmbedder INSTANCE = new CnnEmbedder();
  }

  @Override
  public VerificationReport verify(String issuer, Path document) {
    BufferedImage page = loader.load(document);
    return verify(issuer, document.getFileName() == null ? document.toString() : document.getFileName().toString(), page);
  }

  @Override
  public VerificationReport verify(String issuer, String name, BufferedImage page) {
    long pixels = (long) page.getWidth() * page.getHeight();
    if (pixels > loader.maxPixels()) {
      throw new DocumentInputException.TooLarge(name, pixels, loader.maxPixels());
    }
    LocalDate today = LocalDate.now(clock);
    List<RegionResult> results = new ArrayList<>();
    Resolution.Normalised work = Resolution.normalise(page);
    for (Detection d : detector.detect(work.page())) {
      List<Reference> refs = registry.active(issuer, d.kind(), today);
      Verdict verdict;
      if (refs.isEmpty()) {
        verdict = new Verdict.NoReference();
      } else {
        float[] q = embedder.query(work.page(), d.box(), d.kind());
        double best = 0;
        for (Reference r : refs) {
          best = Math.max(best, embedder.similarity(q, registry.embeddings(r, embedder), d.kind()));
        }
        verdict = best >= thresholds.of(d.kind()) ? new Verdict.Consistent(best) : new Verdict.Suspicious(best);
      }
      results.add(new RegionResult(new Detection(d.kind(), work.toInput(d.box()), d.confidence()), verdict));
    }
    return new VerificationReport(name, issuer, embedder.method().label(), results);
  }
}
