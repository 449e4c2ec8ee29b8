package org.riskgate.documents;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a verifier is set up.
 *
 * @param registry the folder that holds the reference registry
 * @param method the comparison method
 * @param maxPixels pages with more pixels than this are refused before decoding (decompression bombs)
 */
public record VerifierConfig(Path registry, Method method, long maxPixels) {

  /** 60 megapixels: an A3 page at 600 dpi fits, a decompression bomb does not. */
  public static final long DEFAULT_MAX_PIXELS = 60_000_000L;

  /** The method used unless another is asked for: per kind, the one that did better on validation issuers. */
  public static final Method DEFAULT_METHOD = Method.BEST;

  /** Checks the arguments. */
  public VerifierConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(method, "method");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
  }

  /** The default method and pixel limit over the given registry. */
  public static VerifierConfig of(Path registry) {
    return new VerifierConfig(registry, DEFAULT_METHOD, DEFAULT_MAX_PIXELS);
  }

  /** The default registry folder: {@code ~/.riskgate/registry}. */
  public static Path defaultRegistry() {
    return Path.of(System.getProperty("user.home"), ".riskgate", "registry");
  }

  /** The same configuration with another method. */
  public VerifierConfig withMethod(Method other) {
    return new VerifierConfig(registry, other, maxPixels);
  }
}
