package org.riskgate.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network's named weights, initialised from a seeded Java generator (so that a seed gives the
 * same network on every machine), trained with Adam (decoupled weight decay) and saved as plain
 * floats: a bundle does not depend on DJL's own file formats.
 */
final class Params implements AutoCloseable {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  final NDManager manager;
  private final Map<String, NDArray> values = new LinkedHashMap<>();
  private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
  private int steps;

  Params(NDManager manager) {
    this.manager = manager;
  }

  /** A weight matrix of {@code rows × cols}, uniform in ±sqrt(6 / (rows + cols)) (Glorot). */
  NDArray glorot(String name, int rows, int cols, SplittableRandom random) {
    return uniform(name, rows, cols, Math.sqrt(6.0 / (rows + cols)), random);
  }

  /** An embedding table, normal with sd 0.05: small enough that an unseen index stays near the middle. */
  NDArray embedding(String name, int rows, int cols, SplittableRandom random) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (0.05 * random.nextGaussian());
    }
    return put(name, v, new Shape(rows, cols));
  }

  NDArray zeros(String name, long... shape) {
    return put(name, new float[(int) new Shape(shape).size()], new Shape(shape));
  }

  NDArray uniform(String name, int rows, int cols, double bound, SplittableRandom random) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return put(name, v, new Shape(rows, cols));
  }

  private NDArray put(String name, float[] v, Shape shape) {
    NDArray a = manager.create(v, shape);
    a.setName(name);
    values.put(name, a);
    return a;
  }

  NDArray get(String name) {
    NDArray a = values.get(name);
    if (a == null) {
      throw new IllegalStateException("the network has no weights named " + name);
    }
    return a;
  }

  /** Whether gradients are recorded for the weights (training) or not (scoring). */
  void trainable(boolean on) {
    values.values().forEach(a -> a.setRequiresGradient(on));
  }

  /** One Adam step on the gradients the last backward pass left, which it then clears. */
  void step(float rate, float decay) {
    steps++;
    float c1 = 1 - (float) Math.pow(BETA1, steps);
    float c2 = 1 - (float) Math.pow(BETA2, steps);
    try (NDManager step = manager.newSubManager()) {
      for (Map.Entry<String, NDArray> e : values.entrySet()) {
        NDArray p = e.getValue();
        NDArray g = p.getGradient();
        g.attach(step);
        NDArray[] m = moments.computeIfAbsent(e.getKey(), k -> new NDArray[] {p.zerosLike(), p.zerosLike()});
        m[0].muli(BETA1).addi(g.mul(1 - BETA1));
        m[1].muli(BETA2).addi(g.square().muli(1 - BETA2));
        NDArray mHat = m[0].div(c1);
        mHat.attach(step);
        NDArray v = m[1].div(c2);
        v.attach(step);
        NDArray vHat = v.sqrt();
        if (decay > 0) {
          p.muli(1 - rate * decay);
        }
        p.subi(mHat.divi(vHat.addi(EPS)).muli(rate));
        g.subi(g);
      }
    }
  }

  /** The weights as they are now, to return to the best epoch. */
  Map<String, float[]> snapshot() {
    Map<String, float[]> s = new LinkedHashMap<>();
    values.forEach((k, v) -> s.put(k, v.toFloatArray()));
    return s;
  }

  void restore(Map<String, float[]> snapshot) {
    snapshot.forEach((k, v) -> {
      NDArray a = get(k);
      a.set(java.nio.FloatBuffer.wrap(v));
    });
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, NDArray> e : values.entrySet()) {
      out.writeUTF(e.getKey());
      long[] shape = e.getValue().getShape().getShape();
      out.writeInt(shape.length);
      for (long s : shape) {
        out.writeLong(s);
      }
      for (float f : e.getValue().toFloatArray()) {
        out.writeFloat(f);
      }
    }
  }

  static Params read(DataInputStream in, NDManager manager) throws IOException {
    Params p = new Params(manager);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      long[] shape = new long[in.readInt()];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = in.readLong();
      }
      Shape s = new Shape(shape);
      float[] v = new float[Math.toIntExact(s.size())];
      for (int k = 0; k < v.length; k++) {
        v[k] = in.readFloat();
      }
      p.put(name, v, s);
    }
    return p;
  }

  @Override
  public void close() {
    manager.close();
  }
}
