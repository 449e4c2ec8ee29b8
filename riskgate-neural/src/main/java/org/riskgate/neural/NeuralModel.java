package org.riskgate.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.riskgate.risk.ModelException;
import org.riskgate.risk.RiskModel;

/**
 * A trained network as a {@link RiskModel}. Scores in blocks without recording gradients.
 * Explains with integrated gradients from the all-zero input vector (every number at its
 * training mean, no missing flag, every embedding at the origin) to the row's vector, per feature
 * the sum over its dimensions; the bias is the row's log-odds less their sum, which is the
 * network's log-odds at that baseline up to the integral's error (about 1e-3 of a log-odds with
 * 64 steps; {@code NeuralModelTest} measures it).
 */
final class NeuralModel implements RiskModel {
  static final String FILE = "network.bin.gz";
  static final int MAGIC = 0x52474e4e; // "RGNN"
  static final int VERSION = 1;
  /** Rows per scoring block: large enough to amortise a native call, small enough for the cache. */
  private static final int BLOCK = 4096;
  /** Integration steps of an exact explanation and of a lane's. */
  static final int EXACT_STEPS = 64;
  static final int FAST_STEPS = 8;

  private final Net net;

  NeuralModel(Net net) {
    this.net = net;
  }

  Net net() {
    return net;
  }

  @Override
  public String kind() {
    return net.kind;
  }

  @Override
  public double[] score(float[] x, int rows, int cols) {
    check(cols);
    double[] out = new double[rows];
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      try (NDManager m = net.params.manager.newSubManager()) {
        float[] l = net.logit(net.encode(m, x, from, to)).toFloatArray();
        for (int r = from; r < to; r++) {
          out[r] = 1 / (1 + Math.exp(-l[r - from]));
        }
      } catch (RuntimeException e) {
        throw wrap("scoring", e);
      }
    }
    return out;
  }

  /** Log-odds, as {@link #score} computes them before the sigmoid. */
  float[] logits(float[] x, int rows) {
    try (NDManager m = net.params.manager.newSubManager()) {
      return net.logit(net.encode(m, x, 0, rows)).toFloatArray();
    }
  }

  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    check(cols);
    int steps = exact ? EXACT_STEPS : FAST_STEPS;
    float[][] out = new float[rows][cols + 1];
    int block = Math.max(1, BLOCK / steps);
    for (int from = 0; from < rows; from += block) {
      integrate(x, from, Math.min(rows, from + block), steps, out);
    }
    return Optional.of(out);
  }

  private void integrate(float[] x, int from, int to, int steps, float[][] out) {
    int n = to - from;
    // PyTorch's gradient mode is one switch for the JVM in DJL: one recording at a time
    synchronized (Torch.class) {
      try (NDManager m = net.params.manager.newSubManager()) {
        NDArray z = net.encode(m, x, from, to);
        float[] logit = net.logit(z).toFloatArray();
        NDList scaled = new NDList();
        for (int s = 0; s < steps; s++) {
          scaled.add(z.mul((s + 0.5f) / steps));
        }
        NDArray path = NDArrays.concat(scaled, 0);
        NDArray grad;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
          path.setRequiresGradient(true);
          gc.backward(net.logit(path).sum());
        }
        grad = path.getGradient();
        grad.attach(m);
        int d = (int) z.getShape().get(1);
        float[] dims = grad.reshape(steps, n, d).mean(new int[] {0}).mul(z).toFloatArray();
        net.attribute(x, from, n, dims, d, out);
        for (int r = 0; r < n; r++) {
          float[] row = out[from + r];
          float sum = 0;
          for (int k = 0; k < d; k++) {
            sum += dims[r * d + k];
          }
          row[row.length - 1] = logit[r] - sum;
        }
      } catch (RuntimeException e) {
        throw wrap("explaining", e);
      }
    }
  }

  private void check(int cols) {
    if (cols != net.width()) {
      throw new IllegalArgumentException("the network reads " + net.width() + " features, not " + cols);
    }
  }

  private static RuntimeException wrap(String what, RuntimeException e) {
    return e instanceof IllegalArgumentException ? e : new ModelException("PyTorch failed " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(bundleDir.resolve(FILE)), 1 << 16), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(net.kind);
      net.inputs.write(out);
      net.writeExtra(out, bundleDir);
      net.params.write(out);
    }
  }
}
