package org.riskgate.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.riskgate.core.RankingMetrics;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.ModelException;

/**
 * The training loop both networks share: minibatch Adam on the fraud log-loss (plus whatever the
 * network adds), rows shuffled by a seeded generator each epoch, early stopping on AUC over a
 * later period. As {@code XGBoostTrainer} does, without a validation period the number of epochs
 * is chosen on the latest {@value #HOLDOUT_PERCENT} % of the training rows and the network is then
 * trained afresh, same seed, on all of them for exactly that many epochs.
 */
final class Fitting {
  static final int HOLDOUT_PERCENT = 15;

  private Fitting() {}

  /** A trained network and what training found. */
  record Fitted(Net net, Map<String, String> notes) {}

  /**
   * @param build makes a network with fresh seeded weights for the rows it will learn from (and
   *     whatever it fits first on them, such as a booster)
   */
  static Fitted fit(Dataset all, Optional<Dataset> valid, NeuralOptions o, Function<Dataset, Net> build) {
    double pos = all.positiveRate();
    if (pos == 0 || pos == 1) {
      throw new IllegalArgumentException("training data needs both frauds and non-frauds");
    }
    long t0 = System.nanoTime();
    Map<String, String> notes = new LinkedHashMap<>();
    Net net;
    if (valid.isPresent()) {
      notes.put("early_stopping_on", "validation period");
      net = build.apply(all);
      int best = run(net, all, valid, o, o.maxEpochs(), notes);
      notes.put("epochs", Integer.toString(best));
    } else {
      notes.put("early_stopping_on", "latest " + HOLDOUT_PERCENT + " % of the training period");
      int cut = all.rows() - all.rows() * HOLDOUT_PERCENT / 100;
      Dataset fit = slice(all, 0, cut);
      Net probe = build.apply(fit);
      int best = run(probe, fit, Optional.of(slice(all, cut, all.rows())), o, o.maxEpochs(), notes);
      probe.params.close();
      net = build.apply(all);
      run(net, all, Optional.empty(), o, best, notes);
      notes.put("epochs", Integer.toString(best));
    }
    net.params.trainable(false);
    notes.put("rows", Integer.toString(all.rows()));
    notes.put("train_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    return new Fitted(net, notes);
  }

  /**
   * Trains {@code net} for up to {@code epochs} epochs; with a stopping set, stops after {@code
   * patience} epochs without a better AUC there and returns to the best epoch's weights.
   *
   * @return the number of epochs of the weights it leaves
   */
  private static int run(Net net, Dataset d, Optional<Dataset> stop, NeuralOptions o, int epochs,
      Map<String, String> notes) {
    net.params.trainable(true);
    int[] order = new int[d.rows()];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(o.seed() ^ 0x5eed);
    int cols = d.cols();
    float[] xb = new float[o.batchSize() * cols];
    float[] yb = new float[o.batchSize()];
    double bestAuc = -1;
    int bestEpoch = 0;
    Map<String, float[]> best = null;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int from = 0; from < order.length; from += o.batchSize()) {
        int n = Math.min(o.batchSize(), order.length - from);
        for (int r = 0; r < n; r++) {
          System.arraycopy(d.x(), order[from + r] * cols, xb, r * cols, cols);
          yb[r] = d.labels()[order[from + r]];
        }
        step(net, xb, yb, n, o);
      }
      if (stop.isPresent()) {
        double auc = auc(new NeuralModel(net).score(stop.get().x(), stop.get().rows(), cols), stop.get().labels());
        if (auc > bestAuc) {
          bestAuc = auc;
          bestEpoch = epoch;
          best = net.params.snapshot();
        } else if (epoch - bestEpoch >= o.patience()) {
          break;
        }
      }
    }
    if (stop.isEmpty()) {
      return epochs;
    }
    net.params.restore(best);
    notes.put("early_stopping_auc", String.format(Locale.ROOT, "%.4f", bestAuc));
    return bestEpoch;
  }

  private static void step(Net net, float[] x, float[] y, int n, NeuralOptions o) {
    synchronized (Torch.class) {
      try (NDManager m = net.params.manager.newSubManager()) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
          NDArray z = net.encode(m, x, 0, n);
          gc.backward(net.loss(z, x, n, m.create(Arrays.copyOf(y, n))));
        }
        net.params.step((float) o.learningRate(), (float) o.weightDecay());
      } catch (RuntimeException e) {
        throw new ModelException("PyTorch failed training " + net.kind + ": " + e.getMessage(), e);
      }
    }
  }

  static double auc(double[] scores, float[] labels) {
    boolean[] fraud = new boolean[labels.length];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = labels[i] == 1f;
    }
    double[] ones = new double[labels.length];
    return RankingMetrics.evaluate(scores, fraud, ones).auc();
  }

  static Dataset slice(Dataset d, int from, int to) {
    return new Dataset(Arrays.copyOfRange(d.x(), from * d.cols(), to * d.cols()), to - from, d.cols(),
        Arrays.copyOfRange(d.labels(), from, to), d.featureNames());
  }
}
