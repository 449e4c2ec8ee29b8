package org.riskgate.neural;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.riskgate.risk.RiskModel;

/**
 * A {@link SequenceNet} with the parties' histories as they stood at the end of training: each
 * row it scores gets its parties' tokens from them, so a declaration is scored on what came
 * before the training period ended and never on another scored declaration.
 */
final class SequenceModel implements RiskModel {
  static final String FILE = "histories.bin.gz";
  private static final int MAGIC = 0x52474853; // "RGHS"
  /** Rows per block: the appended rows of a block stay small next to the matrix. */
  private static final int BLOCK = 4096;

  private final NeuralModel network;
  private final PartyHistory history;

  SequenceModel(NeuralModel network, PartyHistory history) {
    this.network = network;
    this.history = history;
  }

  NeuralModel network() {
    return network;
  }

  PartyHistory history() {
    return history;
  }

  @Override
  public String kind() {
    return network.kind();
  }

  @Override
  public double[] score(float[] x, int rows, int cols) {
    double[] out = new double[rows];
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      double[] s = network.score(history.append(x, from, to, cols), to - from, cols + history.width());
      System.arraycopy(s, 0, out, from, s.length);
    }
    return out;
  }

  /** The network's contributions with the tokens' shares already in their parties' columns. */
  @Override
  public Optional<float[][]> contributions(float[] x, int rows, int cols, boolean exact) {
    int w = cols + history.width();
    float[][] out = new float[rows][];
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      float[][] c = network.contributions(history.append(x, from, to, cols), to - from, w, exact).orElseThrow();
      for (int r = 0; r < c.length; r++) {
        float[] row = java.util.Arrays.copyOf(c[r], cols + 1);
        row[cols] = c[r][w];
        out[from + r] = row;
      }
    }
    return Optional.of(out);
  }

  @Override
  public void save(Path bundleDir) throws IOException {
    network.save(bundleDir);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new GZIPOutputStream(Files.newOutputStream(bundleDir.resolve(FILE)), 1 << 16), 1 << 16))) {
      out.writeInt(MAGIC);
      history.write(out);
    }
  }

  static SequenceModel load(Path dir, List<String> features) throws IOException {
    NeuralModel network = NeuralFormat.read(dir, features, SequenceNet.KIND);
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + " has no " + FILE + " (the parties' histories); retrain it");
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a riskgate party history; retrain it");
      }
      return new SequenceModel(network, PartyHistory.read(in));
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new IOException(file + " is truncated or damaged: " + e.getMessage(), e);
    }
  }
}
