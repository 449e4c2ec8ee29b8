package org.riskgate.risk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Reads the models of one kind that a module above this one adds (riskgate-neural's networks),
 * found by kind through the {@link ServiceLoader}, as Lucene finds its codecs by name: bundles and
 * blends load them without this module naming, or depending on, their backend.
 */
public interface ModelFormat {

  /** The {@link RiskModel#kind()} this format reads. */
  String kind();

  /**
   * Reads the model saved in {@code dir}.
   *
   * @param features the names of the columns the model reads, in its order
   */
  RiskModel load(Path dir, List<String> features) throws IOException;

  /** Loads a model of a kind found on the class path, or names what is missing. */
  static RiskModel load(String kind, Path dir, List<String> features) throws IOException {
    for (ModelFormat f : ServiceLoader.load(ModelFormat.class)) {
      if (f.kind().equals(kind)) {
        return f.load(dir, features);
      }
    }
    throw new IOException(dir + ": unknown model kind '" + kind
        + "' (a neural model needs riskgate-neural on the class path, as the distribution has it)");
  }
}
