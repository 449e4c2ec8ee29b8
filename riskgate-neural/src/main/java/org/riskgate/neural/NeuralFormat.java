package org.riskgate.neural;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.riskgate.risk.ModelFormat;
import org.riskgate.risk.RiskModel;

/** Reads the {@code entity-net} models of a bundle (registered for the service loader). */
public class NeuralFormat implements ModelFormat {
  @Override
  public String kind() {
    return EntityNet.KIND;
  }

  /** Reads the {@code tree-attention} models of a bundle. */
  public static final class TreeAttentionFormat extends NeuralFormat {
    @Override
    public String kind() {
      return TreeAttention.KIND;
    }
  }

  /** Reads the {@code party-sequence} models of a bundle: the network and the parties' histories. */
  public static final class SequenceFormat extends NeuralFormat {
    @Override
    public String kind() {
      return SequenceNet.KIND;
    }

    @Override
    public RiskModel load(Path dir, List<String> features) throws IOException {
      return SequenceModel.load(dir, features);
    }
  }

  @Override
  public RiskModel load(Path dir, List<String> features) throws IOException {
    return read(dir, features, kind());
  }

  /** Reads a network file, checking that it holds a network of {@code kind} over these features. */
  static NeuralModel read(Path dir, List<String> features, String kind) throws IOException {
    Path file = dir.resolve(NeuralModel.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + " has no " + NeuralModel.FILE + "; retrain it");
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
      if (in.readInt() != NeuralModel.MAGIC || in.readInt() != NeuralModel.VERSION) {
        throw new IOException(file + " is not a riskgate network of this version; retrain it");
      }
      String stored = in.readUTF();
      if (!stored.equals(kind)) {
        throw new IOException(file + " holds a " + stored + " network, the bundle says " + kind);
      }
      Inputs inputs = Inputs.read(in);
      if (inputs.cols != features.size()) {
        throw new IOException(file + " reads " + inputs.cols + " features, the bundle lists " + features.size());
      }
      Net net = switch (kind) {
        case EntityNet.KIND -> new EntityNet(inputs, Params.read(in, Torch.manager(NeuralOptions.DEFAULT.threads())));
        case TreeAttention.KIND -> TreeAttention.read(inputs, in, dir);
        case SequenceNet.KIND -> SequenceNet.read(inputs, in);
        default -> throw new IOException(file + ": unknown network kind " + kind);
      };
      return new NeuralModel(net);
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new IOException(file + " is truncated or damaged: " + e.getMessage(), e);
    }
  }
}
