package org.riskgate.documents.compare;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.SyntheticData;

/**
 * Trains the embedding networks on generated patches of training issuers only.
 *
 * <p>Triplet loss on cosine similarity, shaped like the use: the anchor is the issuer's
 * reference rotated to the grid angle nearest the item's, as the max over rotations picks at
 * verification; positives are genuine impressions, negatives half skilled imitations of the same
 * issuer and half another issuer's genuine item.
 */
public final class CnnTrainer {

  /**
   * Training parameters.
   *
   * @param seed generator seed (the issuer population is the evaluation's)
   * @param issuers issuers in the population; only the training fifth-three are used
   * @param genuinePerIssuer genuine patches per training issuer
   * @param skilledPerIssuer skilled forgeries per training issuer
   * @param steps optimiser steps
   * @param batch triplets per step
   * @param margin triplet margin in cosine similarity
   * @param learningRate Adam learning rate, cut to 30 % at 60 % and again at 85 % of the steps
   */
  public record Config(long seed, int issuers, int genuinePerIssuer, int skilledPerIssuer, int steps, int batch,
      float margin, float learningRate) {
    /** The parameters of the shipped weights. */
    public static Config defaults() {
      return new Config(7, 60, 24, 12, 300, 24, 0.4f, 1e-3f);
    }
  }

  private record Item(float[] map, int issuer, double angle) {}

  private final PrintStream log;

  /** A trainer that reports progress on {@code log}. */
  public CnnTrainer(PrintStream log) {
    this.log = log;
  }

  /** Trains both networks and writes {@code cnn-stamp.params}, {@code cnn-signature.params} and {@code cnn-provenance.properties} into {@code out}. */
  public Map<Kind, byte[]> train(Config c, Path out) throws IOException {
    CnnEmbedder.prepareEngine(2);
    Files.createDirectories(out);
    SyntheticData data = new SyntheticData(c.seed(), c.issuers());
    List<Issuer> train = data.issuers(Issuer.Split.TRAIN);
    Map<Kind, byte[]> weights = new EnumMap<>(Kind.class);
    StringBuilder prov = new StringBuilder();
    prov.append("# provenance of the shipped CNN weights; regenerate with: riskgate docs train-cnn --out DIR\n");
    prov.append("created=").append(Instant.now()).append('\n');
    prov.append(String.format(Locale.ROOT, "config=%s%n", c));
    prov.append("engine=").append(Engine.getEngine("PyTorch").getEngineName()).append(' ')
        .append(Engine.getEngine("PyTorch").getVersion()).append(", DJL 0.36.0\n");
    prov.append("train_issuers=").append(train.size()).append('\n');
    for (Kind k : Kind.values()) {
      long t0 = System.nanoTime();
      List<Item> refs = new ArrayList<>();
      List<Item> genuine = new ArrayList<>();
      List<Item> skilled = new ArrayList<>();
      makeData(data, train, k, c, refs, genuine, skilled);
      log.printf(Locale.ROOT, "%s: %d reference maps, %d genuine, %d skilled patches (%.0f s)%n", k.label(), refs.size(),
          genuine.size(), skilled.size(), (System.nanoTime() - t0) / 1e9);
      byte[] w = fit(k, c, refs, genuine, skilled, train.size());
      weights.put(k, w);
      Files.write(out.resolve("cnn-" + k.label() + ".params"), w);
      prov.append(k.label()).append("_seconds=").append(String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) / 1e9)).append('\n');
      prov.append(k.label()).append("_bytes=").append(w.length).append('\n');
    }
    Files.writeString(out.resolve("cnn-provenance.properties"), prov.toString());
    return weights;
  }

  private void makeData(SyntheticData data, List<Issuer> train, Kind k, Config c, List<Item> refs, List<Item> genuine,
      List<Item> skilled) {
    double[] angles = Embedder.angles(k);
    List<List<Item>> perIssuer = IntStream.range(0, train.size()).parallel().mapToObj(i -> {
      Issuer issuer = train.get(i);
      List<Item> items = new ArrayList<>();
      Random rng = new Random(c.seed() * 104_729 + i * 31L + k.ordinal());
      var refImg = data.reference(issuer, k, rng);
      InkMap.Raw raw = InkMap.extract(refImg, new org.riskgate.documents.Box(0, 0, refImg.getWidth(), refImg.getHeight()));
      for (double a : angles) {
        items.add(new Item(InkMap.normalise(InkMap.rotate(raw, a), k), -1 - i, a));
      }
      for (int j = 0; j < c.genuinePerIssuer() + c.skilledPerIssuer(); j++) {
        boolean isSkilled = j >= c.genuinePerIssuer();
        SyntheticData.Patch p = data.patch(issuer, k, isSkilled ? Forgery.SKILLED : Forgery.GENUINE, rng);
        // the detector's box is never exact: jitter it as the detector would
        org.riskgate.documents.Box b = p.box();
        int dx = (int) (rng.nextGaussian() * 6);
        int dy = (int) (rng.nextGaussian() * 6);
        b = new org.riskgate.documents.Box(b.x() + dx, b.y() + dy, b.width(), b.height())
            .clip(p.image().getWidth(), p.image().getHeight());
        float[] map = InkMap.normalise(InkMap.extract(p.image(), b), k);
        items.add(new Item(map, isSkilled ? 1_000_000 + i : i, p.angle()));
      }
      return items;
    }).toList();
    for (List<Item> items : perIssuer) {
      for (Item it : items) {
        if (it.issuer() < 0) {
          refs.add(new Item(it.map(), -1 - it.issuer(), it.angle()));
        } else if (it.issuer() >= 1_000_000) {
          skilled.add(new Item(it.map(), it.issuer() - 1_000_000, it.angle()));
        } else {
          genuine.add(it);
        }
      }
    }
  }

  private byte[] fit(Kind k, Config c, List<Item> refs, List<Item> genuine, List<Item> skilled, int issuers) throws IOException {
    double[] angles = Embedder.angles(k);
    int size = InkMap.width(k) * InkMap.height(k);
    Random rng = new Random(c.seed() + 17 * k.ordinal());
    try (Model model = Model.newInstance("docs-" + k.label())) {
      SequentialBlock block = CnnNetwork.block();
      model.setBlock(block);
      DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.multiFactor().setBaseValue(c.learningRate())
              .setSteps(new int[] {c.steps() * 6 / 10, c.steps() * 85 / 100}).optFactor(0.3f).build()).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(cfg)) {
        trainer.initialize(CnnNetwork.inputShape(k, 1));
        double running = 0;
        for (int step = 1; step <= c.steps(); step++) {
          int b = c.batch();
          float[] x = new float[4 * b * size];
          for (int i = 0; i < b; i++) {
            Item pos = genuine.get(rng.nextInt(genuine.size()));
            Item neg;
            if (rng.nextBoolean()) {
              List<Item> same = skilled.stream().filter(s -> s.issuer() == pos.issuer()).toList();
              neg = same.get(rng.nextInt(same.size()));
            } else {
              Item o;
              do {
                o = genuine.get(rng.nextInt(genuine.size()));
              } while (o.issuer() == pos.issuer());
              neg = o;
            }
            System.arraycopy(anchor(refs, pos.issuer(), pos.angle(), angles).map(), 0, x, i * size, size);
            System.arraycopy(pos.map(), 0, x, (b + i) * size, size);
            System.arraycopy(anchor(refs, pos.issuer(), neg.angle(), angles).map(), 0, x, (2 * b + i) * size, size);
            System.arraycopy(neg.map(), 0, x, (3 * b + i) * size, size);
          }
          try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray in = sub.create(x, CnnNetwork.inputShape(k, 4 * b));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray e = trainer.forward(new NDList(in)).singletonOrThrow();
              e = e.div(e.square().sum(new int[] {1}, true).sqrt().add(1e-6f));
              NDArray ap = e.get(new NDIndex("0:" + b));
              NDArray p = e.get(new NDIndex(b + ":" + 2 * b));
              NDArray an = e.get(new NDIndex(2 * b + ":" + 3 * b));
              NDArray n = e.get(new NDIndex(3 * b + ":" + 4 * b));
              NDArray cosP = ap.mul(p).sum(new int[] {1});
              NDArray cosN = an.mul(n).sum(new int[] {1});
              NDArray loss = cosN.sub(cosP).add(c.margin()).maximum(0f).mean();
              gc.backward(loss);
              running = 0.95 * running + 0.05 * loss.getFloat();
            }
            trainer.step();
          }
          if (step % 50 == 0) {
            log.printf(Locale.ROOT, "%s step %d/%d loss %.4f%n", k.label(), step, c.steps(), running / (1 - Math.pow(0.95, step)));
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        block.saveParameters(out);
      }
      return bytes.toByteArray();
    }
  }

  /** The reference map of an issuer at the grid angle nearest {@code angle}. */
  private static Item anchor(List<Item> refs, int issuer, double angle, double[] angles) {
    Item best = null;
    for (Item r : refs) {
      if (r.issuer() == issuer && (best == null || Math.abs(r.angle() - angle) < Math.abs(best.angle() - angle))) {
        best = r;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no reference for issuer index " + issuer + " among " + angles.length + " angles");
    }
    return best;
  }
}
