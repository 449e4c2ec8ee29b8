package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A GRU over each party's earlier declarations ({@link PartyHistory}'s tokens, oldest first), one
 * GRU shared by the parties, whose last state joins the entity-net's inputs (the embeddings and
 * the standardised numbers) before the same two ReLU layers. The rows it reads are the model's
 * columns with the tokens appended; an empty place (all zeros) leaves the state as it was, so a
 * party with no history reads as the zero state.
 *
 * <p>Explanations: integrated gradients as for {@link EntityNet}; a party's tokens are that
 * party's column, so its share is worded as the party's reason ("importer X (fraud found in 3 of
 * 5 inspections, 60 %)").
 */
final class SequenceNet extends Net {
  static final String KIND = "party-sequence";

  final int parties;
  final int length;
  private final int hidden;
  private final int encoded;
  private final int[] dimFeature;

  SequenceNet(Inputs inputs, Params params, int[] partyColumns, int length) {
    super(KIND, inputs, params);
    this.parties = partyColumns.length;
    this.length = length;
    this.hidden = (int) params.get("gru_h").getShape().get(0);
    int e = (int) params.get("embedding").getShape().get(1);
    this.encoded = inputs.codeColumns.length * e + inputs.numericWidth();
    int[] own = new EntityNet(inputs, params).dimFeature();
    this.dimFeature = java.util.Arrays.copyOf(own, encoded + parties * length * PartyHistory.TOKEN);
    for (int p = 0; p < parties; p++) {
      java.util.Arrays.fill(dimFeature, encoded + p * length * PartyHistory.TOKEN,
          encoded + (p + 1) * length * PartyHistory.TOKEN, partyColumns[p]);
    }
  }

  /** A new network with seeded random weights. */
  static SequenceNet create(Inputs inputs, int[] partyColumns, int length, int gruWidth, NeuralOptions o, NDManager m) {
    Params p = new Params(m);
    SplittableRandom random = new SplittableRandom(o.seed());
    p.embedding("embedding", inputs.tableRows(), o.embedding(), random);
    // the gates' weights side by side: update, reset, candidate
    p.glorot("gru_x", PartyHistory.TOKEN, 3 * gruWidth, random);
    p.glorot("gru_h", gruWidth, 3 * gruWidth, random);
    p.zeros("gru_b", 3 * gruWidth);
    EntityNet.addLayers(p, inputs.codeColumns.length * o.embedding() + inputs.numericWidth()
        + partyColumns.length * gruWidth, o.hidden(), random);
    return new SequenceNet(inputs, p, partyColumns, length);
  }

  @Override
  int width() {
    return inputs.cols + parties * length * PartyHistory.TOKEN;
  }

  @Override
  NDArray encode(NDManager m, float[] x, int from, int to) {
    int n = to - from;
    int w = width();
    float[] own = new float[n * inputs.cols];
    float[] tokens = new float[n * (w - inputs.cols)];
    for (int r = 0; r < n; r++) {
      System.arraycopy(x, (from + r) * w, own, r * inputs.cols, inputs.cols);
      System.arraycopy(x, (from + r) * w + inputs.cols, tokens, r * (w - inputs.cols), w - inputs.cols);
    }
    NDArray base = EntityNet.encode(inputs, params, m, own, 0, n);
    return NDArrays.concat(new NDList(base, m.create(tokens, new Shape(n, w - inputs.cols))), 1);
  }

  @Override
  NDArray logit(NDArray z) {
    long n = z.getShape().get(0);
    NDArray own = z.get(new NDIndex(":, 0:" + encoded));
    NDArray seq = z.get(new NDIndex(":, " + encoded + ":")).reshape(n * parties, length, PartyHistory.TOKEN);
    NDArray h = z.getManager().zeros(new Shape(n * parties, hidden));
    for (int k = 0; k < length; k++) {
      NDArray token = seq.get(new NDIndex(":, " + k + ", :"));
      // the present flag gates the step: an empty place keeps the state
      NDArray present = token.get(new NDIndex(":, 0:1"));
      NDArray gx = token.matMul(params.get("gru_x")).add(params.get("gru_b"));
      NDArray gh = h.matMul(params.get("gru_h"));
      NDArray update = Activation.sigmoid(gate(gx, 0).add(gate(gh, 0)));
      NDArray reset = Activation.sigmoid(gate(gx, 1).add(gate(gh, 1)));
      NDArray candidate = gate(gx, 2).add(reset.mul(gate(gh, 2))).tanh();
      NDArray next = update.mul(h).add(update.neg().add(1).mul(candidate));
      h = h.add(next.sub(h).mul(present));
    }
    return EntityNet.layers(params, NDArrays.concat(new NDList(own, h.reshape(n, parties * hidden)), 1));
  }

  /** Gate {@code g} (update, reset, candidate) of the three side by side. */
  private NDArray gate(NDArray a, int g) {
    return a.get(new NDIndex(":, " + g * hidden + ":" + (g + 1) * hidden));
  }

  @Override
  int[] dimFeature() {
    return dimFeature;
  }

  @Override
  void writeExtra(DataOutputStream out, Path dir) throws IOException {
    out.writeInt(parties);
    for (int p = 0; p < parties; p++) {
      out.writeInt(dimFeature[encoded + p * length * PartyHistory.TOKEN]);
    }
    out.writeInt(length);
  }

  static SequenceNet read(Inputs inputs, DataInputStream in) throws IOException {
    int[] parties = new int[in.readInt()];
    for (int p = 0; p < parties.length; p++) {
      parties[p] = in.readInt();
    }
    int length = in.readInt();
    return new SequenceNet(inputs, Params.read(in, Torch.manager(NeuralOptions.DEFAULT.threads())), parties, length);
  }
}
