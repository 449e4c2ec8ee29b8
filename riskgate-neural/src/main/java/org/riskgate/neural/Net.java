package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A network in two halves: {@link #encode} turns rows into one input vector each (embeddings
 * looked up, numbers standardised), {@link #logit} turns those vectors into fraud log-odds.
 * Explanations are integrated gradients of the second half over the first's vectors, so every
 * input dimension belongs to one feature column ({@link #dimFeature}).
 */
abstract class Net {
  final String kind;
  final Inputs inputs;
  final Params params;

  Net(String kind, Inputs inputs, Params params) {
    this.kind = kind;
    this.inputs = inputs;
    this.params = params;
  }

  /** The input vectors of rows [from, to) of {@code x}, arrays in {@code m}. */
  abstract NDArray encode(NDManager m, float[] x, int from, int to);

  /** Fraud log-odds of each vector, shape (rows). */
  abstract NDArray logit(NDArray z);

  /**
   * What training adds to the fraud loss, e.g. a second head's loss; none by default.
   *
   * @param x the rows the batch was encoded from
   */
  NDArray extraLoss(NDArray z, float[] x, int rows, NDArray fraud) {
    return null;
  }

  /** For each dimension of an input vector, the model column it describes. */
  abstract int[] dimFeature();

  /** Writes what the network needs besides its inputs and weights (nothing by default). */
  void writeExtra(DataOutputStream out, Path dir) throws IOException {}
}
