package org.riskgate.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.riskgate.risk.ModelException;

/**
 * The PyTorch engine, started once per JVM: offline (DJL never reaches the network; the natives
 * come from the pytorch-native-cpu jar and are unpacked into {@code DJL_CACHE_DIR} once) and on
 * a fixed number of threads, which also keeps training deterministic.
 */
final class Torch {
  private static NDManager root;

  private Torch() {}

  /** A manager for arrays that live as long as a model. */
  static synchronized NDManager manager(int threads) {
    if (root == null) {
      if (System.getProperty("ai.djl.offline") == null) {
        System.setProperty("ai.djl.offline", "true");
      }
      if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      }
      try {
        Engine.getEngine("PyTorch");
        root = NDManager.newBaseManager("PyTorch");
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        throw new ModelException("cannot start DJL's PyTorch engine (natives from pytorch-native-cpu, unpacked into "
            + "DJL_CACHE_DIR or ~/.djl.ai): " + e.getMessage(), e);
      }
    }
    return root.newSubManager();
  }

  /** The engine's version, for provenance. */
  static String version() {
    return "DJL " + Engine.getDjlVersion() + ", PyTorch " + Engine.getEngine("PyTorch").getVersion();
  }
}
