package org.riskgate.documents;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a verifier is set up.
 *
 * @param registry the folder that holds the reference registry
 * @param method the comparison method
 * @param maxPixels pages with more pixels than this are refused before decoding (decompression bombs)
 * @param detector how stamps and signatures are found
 */
public record VerifierConfig(Path registry, Method method, long maxPixels, Detector detector) {

  /** 60 megapixels: an A3 page at 600 dpi fits, a decompression bomb does not. */
  public static final long DEFAULT_MAX_PIXELS = 60_000_000L;

  /** The method used unless another is asked for: per kind, the one that did better on validation issuers. */
  public static final Method DEFAULT_METHOD = Method.BEST;

  /**
   * The detector used unless another is asked for: the one that did better on the training
   * generator's varied validation pages ({@code DetectionBench}).
   */
  public static final Detector DEFAULT_DETECTOR = Detector.LEARNED;

  /** Checks the arguments. */
  public VerifierConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(detector, "detector");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
  }

  /** The given method and pixel limit with the default detector. */
  public VerifierConfig(Path registry, Method method, long maxPixels) {
    this(registry, method, maxPixels, DEFAULT_DETECTOR);
  }

  /** The default method, pixel limit and detector over the given registry. */
  public static VerifierConfig of(Path registry) {
    return new VerifierConfig(registry, DEFAULT_METHOD, DEFAULT_MAX_PIXELS);
  }

  /** The default registry folder: {@code ~/.riskgate/registry}. */
  public static Path defaultRegistry() {
    return Path.of(System.getProperty("user.home"), ".riskgate", "registry");
  }

  /** The same configuration with another method. */
  public VerifierConfig withMethod(Method other) {
    return new VerifierConfig(registry, other, maxPixels, detector);
  }

  /** The same configuration with another detector. */
  public VerifierConfig withDetector(Detector other) {
    return new VerifierConfig(registry, method, maxPixels, other);
  }
}
