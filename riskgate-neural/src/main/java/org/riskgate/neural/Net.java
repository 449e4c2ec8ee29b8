package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
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

  /** How many numbers a row it reads has: the model's columns, and whatever a network appends to them. */
  int width() {
    return inputs.cols;
  }

  /** The input vectors of rows [from, to) of {@code x}, arrays in {@code m}. */
  abstract NDArray encode(NDManager m, float[] x, int from, int to);

  /** Fraud log-odds of each vector, shape (rows). */
  abstract NDArray logit(NDArray z);

  /**
   * The training loss of a batch: the fraud log-loss by default; a network with a second head
   * adds that head's loss.
   *
   * @param x the rows the batch was encoded from
   */
  NDArray loss(NDArray z, float[] x, int rows, NDArray fraud) {
    return logLoss(logit(z), fraud);
  }

  /** Mean log(1 + e^l) - y l, written so that no exponential overflows. */
  static NDArray logLoss(NDArray logit, NDArray fraud) {
    return Activation.relu(logit).add(logit.abs().neg().exp().add(1).log()).sub(logit.mul(fraud)).mean();
  }

  /** For each dimension of an input vector, the model column it describes. */
  abstract int[] dimFeature();

  /**
   * Adds each dimension's contribution to its feature's: {@code dims} holds {@code d} per row for
   * rows [from, from + n) of {@code x}, {@code out[from + r]} receives row r's.
   */
  void attribute(float[] x, int from, int n, float[] dims, int d, float[][] out) {
    int[] feature = dimFeature();
    for (int r = 0; r < n; r++) {
      float[] row = out[from + r];
      for (int k = 0; k < d; k++) {
        row[feature[k]] += dims[r * d + k];
      }
    }
  }

  /** Writes what the network needs besides its inputs and weights (nothing by default). */
  void writeExtra(DataOutputStream out, Path dir) throws IOException {}
}
