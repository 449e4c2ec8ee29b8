package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import java.util.SplittableRandom;

/**
 * A fully connected network over entity embeddings: each category, the HS code and each party
 * (importer, declarant, seller, courier) is looked up in its own rows of one table (one width for
 * all: one native lookup per batch), concatenated with the standardised numbers, and read by two ReLU layers (h and h / 2 units) and a linear output.
 */
final class EntityNet extends Net {
  static final String KIND = "entity-net";
  private final int[] dimFeature;

  EntityNet(Inputs inputs, Params params) {
    super(KIND, inputs, params);
    this.dimFeature = dims(inputs, params);
  }

  /** A new network with seeded random weights. */
  static EntityNet create(Inputs inputs, NeuralOptions o, NDManager m) {
    Params p = new Params(m);
    SplittableRandom random = new SplittableRandom(o.seed());
    p.embedding("embedding", inputs.tableRows(), o.embedding(), random);
    addLayers(p, inputs.codeColumns.length * o.embedding() + inputs.numericWidth(), o.hidden(), random);
    return new EntityNet(inputs, p);
  }

  /** Two ReLU layers and a linear output over {@code width} inputs. */
  static void addLayers(Params p, int width, int hidden, SplittableRandom random) {
    p.glorot("w1", width, hidden, random);
    p.zeros("b1", hidden);
    p.glorot("w2", hidden, hidden / 2, random);
    p.zeros("b2", hidden / 2);
    p.glorot("w3", hidden / 2, 1, random);
    p.zeros("b3", 1);
  }

  /** The layers of {@link #addLayers} on {@code z}: one log-odds per row. */
  static NDArray layers(Params p, NDArray z) {
    NDArray h = Activation.relu(z.matMul(p.get("w1")).add(p.get("b1")));
    h = Activation.relu(h.matMul(p.get("w2")).add(p.get("b2")));
    return h.matMul(p.get("w3")).add(p.get("b3")).reshape(-1);
  }

  private static int[] dims(Inputs inputs, Params p) {
    int[] numeric = inputs.numericFeature();
    int e = (int) p.get("embedding").getShape().get(1);
    int[] out = new int[inputs.codeColumns.length * e + numeric.length];
    int k = 0;
    for (int c : inputs.codeColumns) {
      for (int j = 0; j < e; j++) {
        out[k++] = c;
      }
    }
    System.arraycopy(numeric, 0, out, k, numeric.length);
    return out;
  }

  @Override
  NDArray encode(NDManager m, float[] x, int from, int to) {
    return encode(inputs, params, m, x, from, to);
  }

  /** Embeddings of the code columns, then the numeric inputs: what both networks read first. */
  static NDArray encode(Inputs inputs, Params params, NDManager m, float[] x, int from, int to) {
    int n = to - from;
    NDArray idx = m.create(inputs.codes(x, from, to));
    NDArray embedded = Embedding.embedding(idx, params.get("embedding"), SparseFormat.DENSE).singletonOrThrow()
        .reshape(n, -1);
    NDArray numbers = m.create(inputs.numeric(x, from, to), new Shape(n, inputs.numericWidth()));
    return NDArrays.concat(new NDList(embedded, numbers), 1);
  }

  @Override
  NDArray logit(NDArray z) {
    return layers(params, z);
  }

  @Override
  int[] dimFeature() {
    return dimFeature;
  }
}
