package org.riskgate.documents.detect;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.compare.CnnEmbedder;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/**
 * Trains the {@link LearnedDetector}'s network on the training generator's varied pages
 * (training issuers only: inks, faces, pens, sizes, stamps pressed against signatures; here also
 * 150 to 600 dpi at random, a lighter scan on a fifth of the pages and a page without its stamp
 * or its signature now and then), then checks it beside the {@link InkDetector} on the
 * validation issuers' varied pages and writes {@code detector.params} and
 * {@code detector-provenance.properties}.
 *
 * <p>Each page gives training windows of 192 x 192 plane pixels (48 x 48 cells): two around each
 * item at random offsets and four anywhere (frames, grids, logos, small print: the varied pages'
 * furniture is what must be learned as background). A cell's label is the kind of the item whose box holds
 * the cell's centre (the smaller box where two overlap), background otherwise; item cells weigh
 * {@link #ITEM_WEIGHT} times a background cell in the cross-entropy, as they are few. Windows are
 * mirrored left to right at random. Everything is drawn from the seed; PyTorch's CPU kernels
 * are not bit-for-bit deterministic across thread counts, so a rerun gives close, not identical,
 * weights.
 */
public final class DetectorTrainer {

  /**
   * Training parameters.
   *
   * @param seed generator seed (the issuer population is the evaluation's)
   * @param issuers issuers in the population; only training issuers make training pages
   * @param pagesPerIssuer training pages per training issuer
   * @param steps optimiser steps
   * @param batch windows per step
   * @param learningRate Adam learning rate, cut to 30 % at 60 % and again at 85 % of the steps
   * @param validationPages varied validation pages per validation issuer for the provenance's check
   */
  public record Config(long seed, int issuers, int pagesPerIssuer, int steps, int batch, float learningRate, int validationPages) {
    /** Checks the arguments. */
    public Config {
      if (issuers < 5 || pagesPerIssuer < 1 || steps < 1 || batch < 1 || !(learningRate > 0) || validationPages < 0) {
        throw new IllegalArgumentException("detector training needs at least 5 issuers and positive pages, steps, batch and "
            + "learning rate: " + this);
      }
    }

    /** The parameters of the shipped weights. */
    public static Config defaults() {
      return new Config(7, 60, 10, 1200, 8, 2e-3f, 4);
    }
  }

  /** Plane pixels per side of a training window. */
  static final int WINDOW = 192;
  private static final int WINDOW_CELLS = WINDOW / CellNetwork.STRIDE;
  private static final float ITEM_WEIGHT = 3f;
  /** Windows anywhere on the page per pass (two passes): the page furniture is the background to learn. */
  private static final int ANYWHERE = 2;
  private static final int[] DPIS = {150, 200, 300, 600};

  /** A training window: its planes quantised to bytes and its cells' labels. */
  private record Window(byte[] planes, byte[] labels) {}

  private final PrintStream log;

  /** A trainer that reports progress on {@code log}. */
  public DetectorTrainer(PrintStream log) {
    this.log = log;
  }

  /** Trains the network and writes its weights and provenance into {@code out}; returns the weights. */
  public byte[] train(Config c, Path out) throws IOException {
    CnnEmbedder.prepareEngine(2);
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    SyntheticData data = new SyntheticData(c.seed(), c.issuers(), true);
    List<Issuer> train = data.issuers(Issuer.Split.TRAIN);
    int pages = train.size() * c.pagesPerIssuer();
    List<Window> windows = IntStream.range(0, pages).parallel()
        .mapToObj(i -> windows(data, train.get(i % train.size()), new Random(c.seed() * 1_000_003L + 7_919L * i + 13)))
        .flatMap(List::stream).toList();
    long[] cells = new long[CellNetwork.CLASSES];
    for (Window w : windows) {
      for (byte b : w.labels()) {
        cells[b]++;
      }
    }
    double dataSeconds = (System.nanoTime() - t0) / 1e9;
    log.printf(Locale.ROOT, "%d pages of %d training issuers, %d windows, cells background/stamp/signature %d/%d/%d (%.0f s)%n",
        pages, train.size(), windows.size(), cells[0], cells[1], cells[2], dataSeconds);
    long t1 = System.nanoTime();
    byte[] weights = fit(c, windows);
    double fitSeconds = (System.nanoTime() - t1) / 1e9;
    Files.write(out.resolve("detector.params"), weights);

    StringBuilder prov = new StringBuilder();
    prov.append("# provenance of the shipped detector weights (detector.params); regenerate with:\n");
    prov.append("#   riskgate docs train-detector --out DIR\n");
    prov.append("created=").append(Instant.now()).append('\n');
    prov.append(String.format(Locale.ROOT, "config=%s%n", c));
    prov.append("generator=SyntheticData(seed ").append(c.seed()).append(", ").append(c.issuers())
        .append(" issuers, varied), training issuers only\n");
    prov.append("engine=").append(Engine.getEngine("PyTorch").getEngineName()).append(' ')
        .append(Engine.getEngine("PyTorch").getVersion()).append(", DJL 0.36.0, CPU\n");
    prov.append("train_issuers=").append(train.size()).append('\n');
    prov.append("train_pages=").append(pages).append('\n');
    prov.append("train_windows=").append(windows.size()).append('\n');
    prov.append(String.format(Locale.ROOT, "train_cells=background %d, stamp %d, signature %d%n", cells[0], cells[1], cells[2]));
    prov.append(String.format(Locale.ROOT, "data_seconds=%.0f%nfit_seconds=%.0f%n", dataSeconds, fitSeconds));
    prov.append("bytes=").append(weights.length).append('\n');
    if (c.validationPages() > 0) {
      validate(c, data, new LearnedDetector(weights), prov);
    }
    Files.writeString(out.resolve("detector-provenance.properties"), prov.toString());
    log.print(prov);
    return weights;
  }

  /** The training windows of one generated page. */
  private static List<Window> windows(SyntheticData data, Issuer issuer, Random rng) {
    Forgery stamp = rng.nextInt(10) == 0 ? null : Forgery.values()[rng.nextInt(3)];
    Forgery signature = rng.nextInt(10) == 0 ? null : Forgery.values()[rng.nextInt(3)];
    PageSample p = data.page(issuer, stamp, signature, rng, DPIS[rng.nextInt(DPIS.length)]);
    if (rng.nextInt(5) == 0) {
      SyntheticData.lighten(p, 30 + rng.nextInt(61));
    }
    Resolution.Normalised work = Resolution.normalise(p.image());
    InkPlanes planes = InkPlanes.of(work.page());
    List<Truth> truths = p.truths().stream().map(t -> new Truth(t.kind(), work.toWork(t.box()), t.forgery(), t.source())).toList();
    List<Window> out = new ArrayList<>();
    int r = InkPlanes.REDUCTION;
    for (int k = 0; k < 2; k++) {
      for (Truth t : truths) {
        int cx = (t.box().x() + t.box().width() / 2) / r;
        int cy = (t.box().y() + t.box().height() / 2) / r;
        out.add(window(planes, truths, cx - WINDOW / 4 - rng.nextInt(WINDOW / 2), cy - WINDOW / 4 - rng.nextInt(WINDOW / 2)));
      }
      for (int j = 0; j < ANYWHERE; j++) {
        out.add(window(planes, truths, rng.nextInt(Math.max(1, planes.width() - WINDOW)), rng.nextInt(Math.max(1, planes.height() - WINDOW))));
      }
    }
    return out;
  }

  private static Window window(InkPlanes planes, List<Truth> truths, int x, int y) {
    int s = CellNetwork.STRIDE;
    int sx = Math.clamp(x, 0, Math.max(0, planes.width() - WINDOW)) / s * s;
    int sy = Math.clamp(y, 0, Math.max(0, planes.height() - WINDOW)) / s * s;
    byte[] v = new byte[2 * WINDOW * WINDOW];
    int plane = planes.width() * planes.height();
    for (int ch = 0; ch < 2; ch++) {
      for (int wy = 0; wy < WINDOW && sy + wy < planes.height(); wy++) {
        for (int wx = 0; wx < WINDOW && sx + wx < planes.width(); wx++) {
          float f = planes.values()[ch * plane + (sy + wy) * planes.width() + sx + wx];
          v[ch * WINDOW * WINDOW + wy * WINDOW + wx] = (byte) Math.round(f * 255);
        }
      }
    }
    byte[] labels = new byte[WINDOW_CELLS * WINDOW_CELLS];
    for (int cy = 0; cy < WINDOW_CELLS; cy++) {
      for (int cx = 0; cx < WINDOW_CELLS; cx++) {
        int px = (sx / s + cx) * CellNetwork.CELL + CellNetwork.CELL / 2;
        int py = (sy / s + cy) * CellNetwork.CELL + CellNetwork.CELL / 2;
        labels[cy * WINDOW_CELLS + cx] = (byte) label(truths, px, py);
      }
    }
    return new Window(v, labels);
  }

  /** 0 for background, 1 + the kind's ordinal for the smallest item box holding the point. */
  static int label(List<Truth> truths, int x, int y) {
    Truth best = null;
    for (Truth t : truths) {
      Box b = t.box();
      if (x >= b.x() && y >= b.y() && x < b.x() + b.width() && y < b.y() + b.height()
          && (best == null || b.area() < best.box().area())) {
        best = t;
      }
    }
    return best == null ? 0 : 1 + best.kind().ordinal();
  }

  private byte[] fit(Config c, List<Window> windows) throws IOException {
    Engine.getEngine("PyTorch").setRandomSeed((int) c.seed());
    Random rng = new Random(c.seed() + 101);
    int b = c.batch();
    int inSize = 2 * WINDOW * WINDOW;
    int cellCount = WINDOW_CELLS * WINDOW_CELLS;
    try (Model model = Model.newInstance("docs-detector")) {
      SequentialBlock block = CellNetwork.block();
      model.setBlock(block);
      DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.multiFactor().setBaseValue(c.learningRate())
              .setSteps(new int[] {Math.max(1, c.steps() * 6 / 10), Math.max(2, c.steps() * 85 / 100)}).optFactor(0.3f).build()).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(cfg)) {
        trainer.initialize(CellNetwork.inputShape(1, WINDOW, WINDOW));
        double running = 0;
        for (int step = 1; step <= c.steps(); step++) {
          float[] x = new float[b * inSize];
          float[] onehot = new float[b * CellNetwork.CLASSES * cellCount];
          float[] weight = new float[b * cellCount];
          for (int i = 0; i < b; i++) {
            Window w = windows.get(rng.nextInt(windows.size()));
            boolean mirror = rng.nextBoolean();
            for (int ch = 0; ch < 2; ch++) {
              for (int y = 0; y < WINDOW; y++) {
                for (int xx = 0; xx < WINDOW; xx++) {
                  int src = ch * WINDOW * WINDOW + y * WINDOW + (mirror ? WINDOW - 1 - xx : xx);
                  x[i * inSize + ch * WINDOW * WINDOW + y * WINDOW + xx] = (w.planes()[src] & 255) / 255f;
                }
              }
            }
            for (int y = 0; y < WINDOW_CELLS; y++) {
              for (int xx = 0; xx < WINDOW_CELLS; xx++) {
                int l = w.labels()[y * WINDOW_CELLS + (mirror ? WINDOW_CELLS - 1 - xx : xx)];
                onehot[(i * CellNetwork.CLASSES + l) * cellCount + y * WINDOW_CELLS + xx] = 1;
                weight[i * cellCount + y * WINDOW_CELLS + xx] = l == 0 ? 1 : ITEM_WEIGHT;
              }
            }
          }
          try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray in = sub.create(x, CellNetwork.inputShape(b, WINDOW, WINDOW));
            NDArray target = sub.create(onehot, new Shape(b, CellNetwork.CLASSES, WINDOW_CELLS, WINDOW_CELLS));
            NDArray wt = sub.create(weight, new Shape(b, WINDOW_CELLS, WINDOW_CELLS));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray logits = trainer.forward(new NDList(in)).singletonOrThrow();
              NDArray nll = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
              NDArray loss = nll.mul(wt).sum().div(wt.sum());
              gc.backward(loss);
              running = 0.95 * running + 0.05 * loss.getFloat();
            }
            trainer.step();
          }
          if (step % 100 == 0 || step == c.steps()) {
            log.printf(Locale.ROOT, "step %d/%d loss %.4f%n", step, c.steps(), running / (1 - Math.pow(0.95, step)));
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream o = new DataOutputStream(bytes)) {
        block.saveParameters(o);
      }
      return bytes.toByteArray();
    }
  }

  /** The learned and the ink detector on the validation issuers' varied pages, into the provenance. */
  private void validate(Config c, SyntheticData data, LearnedDetector learned, StringBuilder prov) {
    List<Issuer> val = data.issuers(Issuer.Split.VALIDATION);
    int n = c.validationPages();
    InkDetector ink = new InkDetector();
    int[][] a = new int[2][4];
    int[][] b = new int[2][4];
    IntStream.range(0, val.size() * n).parallel().forEach(i -> {
      PageSample p = DetectionCheck.page(data, val, n, i, true);
      int[][] l = DetectionCheck.count(p.truths(), DetectionCheck.detect(learned, p));
      int[][] k = DetectionCheck.count(p.truths(), DetectionCheck.detect(ink, p));
      synchronized (a) {
        DetectionCheck.add(a, l);
        DetectionCheck.add(b, k);
      }
    });
    prov.append("validation=").append(val.size()).append(" validation issuers x ").append(n)
        .append(" varied pages (150-600 dpi), IoU 0.5, kind must match\n");
    for (Kind k : Kind.values()) {
      prov.append("validation_").append(k.label()).append("_learned=").append(DetectionCheck.summary(a[k.ordinal()])).append('\n');
      prov.append("validation_").append(k.label()).append("_ink=").append(DetectionCheck.summary(b[k.ordinal()])).append('\n');
    }
  }
}
