package org.riskgate.documents.verify;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.riskgate.documents.Box;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Detector;
import org.riskgate.documents.Kind;
import org.riskgate.documents.TextCheck;
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
import org.riskgate.documents.detect.LearnedDetector;
import org.riskgate.documents.detect.PageDetector;
import org.riskgate.documents.image.PageLoader;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.read.StampReader;
import org.riskgate.documents.registry.FileReferenceRegistry;

/**
 * Loads the page safely, brings it to 300 dpi ({@link Resolution}), detects regions (the
 * configured {@link Detector}), and compares
 * each with every active reference of the claimed issuer and the region's kind; the best match
 * decides, because an issuer may have several valid stamps at once. Boxes are reported in the
 * page's own pixels.
 */
public final class DefaultDocumentVerifier implements DocumentVerifier {

  private final PageLoader loader;
  private final PageDetector detector;
  private final Embedder embedder;
  private final FileReferenceRegistry registry;
  private final Thresholds thresholds;
  private final Clock clock;
  private final StampReader reader;
  /** References' stamp texts, read once: every page that claims a reference is compared with it. */
  private final java.util.Map<String, StampReader.Registered> registeredTexts = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A verifier from its parts; {@code clock} decides which references are in their validity
   * period, {@code reader} reads stamps' text (one that is unavailable says so in every verdict).
   */
  public DefaultDocumentVerifier(PageLoader loader, Embedder embedder, FileReferenceRegistry registry, Thresholds thresholds,
      Clock clock, StampReader reader) {
    this(loader, detector(VerifierConfig.DEFAULT_DETECTOR), embedder, registry, thresholds, clock, reader);
  }

  /** As {@link #DefaultDocumentVerifier(PageLoader, Embedder, FileReferenceRegistry, Thresholds, Clock, StampReader)} with a detector. */
  public DefaultDocumentVerifier(PageLoader loader, PageDetector detector, Embedder embedder, FileReferenceRegistry registry,
      Thresholds thresholds, Clock clock, StampReader reader) {
    this.loader = Objects.requireNonNull(loader);
    this.detector = Objects.requireNonNull(detector);
    this.embedder = Objects.requireNonNull(embedder);
    this.registry = Objects.requireNonNull(registry);
    this.thresholds = Objects.requireNonNull(thresholds);
    this.clock = Objects.requireNonNull(clock);
    this.reader = Objects.requireNonNull(reader);
  }

  /** The verifier a configuration describes, with the shipped thresholds and the system clock. */
  public static DocumentVerifier open(VerifierConfig config) {
    PageLoader loader = new PageLoader(config.maxPixels());
    Embedder embedder = embedder(config.method());
    return new DefaultDocumentVerifier(loader, detector(config.detector()), embedder, registry(config, embedder),
        Thresholds.shipped(config.method()), Clock.systemDefaultZone(), StampReader.open());
  }

  /** The page detector of a choice; the learned one is shared (its weights and the engine load once per JVM). */
  public static PageDetector detector(Detector choice) {
    return switch (choice) {
      case INK -> new InkDetector();
      case LEARNED -> LearnedDetector.shipped();
    };
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

  /** The stamp's text against that of the reference it matched best. */
  private TextCheck readText(BufferedImage page, Box box, Reference ref) {
    if (reader.unavailable().isPresent()) {
      return new TextCheck.OcrUnavailable(reader.unavailable().get());
    }
    // keyed by the stored image too: a replaced reference is read again
    String key = ref.id() + "@" + registry.imageFile(ref.id()).toFile().lastModified();
    return reader.check(page, box, registeredTexts.computeIfAbsent(key,
        k -> reader.registered(loader.load(registry.imageFile(ref.id())))));
  }

  /** One detected region compared with the issuer's active references of its kind. */
  private RegionResult region(String issuer, Detection d, Resolution.Normalised work, LocalDate today) {
    List<Reference> refs = registry.active(issuer, d.kind(), today);
    Verdict verdict;
    TextCheck text = new TextCheck.NotChecked();
    if (refs.isEmpty()) {
      verdict = new Verdict.NoReference();
    } else {
      float[] q = embedder.query(work.page(), d.box(), d.kind());
      double best = -1;
      Reference closest = refs.getFirst();
      for (Reference r : refs) {
        double s = embedder.similarity(q, registry.embeddings(r, embedder), d.kind());
        if (s > best) {
          best = s;
          closest = r;
        }
      }
      verdict = best >= thresholds.of(d.kind()) ? new Verdict.Consistent(best) : new Verdict.Suspicious(best);
      if (d.kind() == Kind.STAMP) {
        text = readText(work.page(), d.box(), closest);
      }
    }
    return new RegionResult(new Detection(d.kind(), work.toInput(d.box()), d.confidence()), verdict, text);
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
    Resolution.Normalised work = Resolution.normalise(page);
    // regions are independent: on a page with a stamp and a signature the two comparisons (and the
    // stamp's OCR) run side by side, which is what brings a page under the time aim on two cores
    List<RegionResult> results = detector.detect(work.page()).parallelStream()
        .map(d -> region(issuer, d, work, today)).toList();
    return new VerificationReport(name, issuer, embedder.method().label(), results);
  }
}
