package org.riskgate.documents.detect;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.riskgate.documents.Box;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.compare.CnnEmbedder;

/**
 * Finds stamps and signatures with a small trained fully convolutional network
 * ({@link CellNetwork}): the page, reduced to 75 dpi ({@link InkPlanes}), is called background,
 * stamp or signature per cell of 16 pixels; connected cells of one call make a region, whose box
 * is then drawn tight around the ink in its cells; signature regions close together (initial and
 * name) are joined, as are overlapping stamp regions. Trained by {@link DetectorTrainer} on the
 * training generator's varied pages; the weights ship as {@code detector.params} with
 * {@code detector-provenance.properties}. Calls are serialised: one page is one forward pass.
 */
public final class LearnedDetector implements PageDetector, AutoCloseable {

  /** Regions of fewer cells are specks (a signature 200 x 60 pixels covers about 45). */
  private static final int MIN_CELLS = 12;
  /** Signature regions closer than this (300 dpi pixels) are one signature, as in {@link InkDetector}. */
  private static final int SIGNATURE_GAP = 70;

  private final NDManager manager;
  private final SequentialBlock net;

  /**
   * Loads weights written by {@link DetectorTrainer}.
   *
   * @throws IllegalStateException when the engine does not start or the weights are unreadable, with the cause
   */
  public LearnedDetector(byte[] weights) {
    this(new ByteArrayInputStream(weights), "given");
  }

  private LearnedDetector(InputStream weights, String name) {
    CnnEmbedder.prepareEngine(1);
    try {
      manager = NDManager.newBaseManager();
    } catch (EngineException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("the PyTorch engine did not start: " + e.getMessage(), e);
    }
    net = CellNetwork.block();
    net.initialize(manager, DataType.FLOAT32, CellNetwork.inputShape(1, 64, 64));
    try (InputStream in = weights) {
      net.loadParameters(manager, new DataInputStream(in));
    } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
      manager.close();
      throw new IllegalStateException("detector weights (" + name + ") are unreadable: " + e.getMessage(), e);
    }
  }

  /** The shipped detector, loaded once per JVM. */
  public static LearnedDetector shipped() {
    return Shipped.INSTANCE;
  }

  /** Holder idiom: the engine starts on first use only. */
  private static final class Shipped {
    static final LearnedDetector INSTANCE = load();

    private static LearnedDetector load() {
      InputStream in = LearnedDetector.class.getResourceAsStream(CellNetwork.RESOURCE);
      if (in == null) {
        throw new IllegalStateException("detector weights " + CellNetwork.RESOURCE + " are missing from the jar");
      }
      return new LearnedDetector(in, CellNetwork.RESOURCE);
    }
  }

  @Override
  public List<Detection> detect(BufferedImage page) {
    InkPlanes planes = InkPlanes.of(page);
    return regions(cells(planes), planes, page.getWidth(), page.getHeight());
  }

  /** The network's class probabilities per cell. */
  Cells cells(InkPlanes planes) {
    float[] p;
    long[] shape;
    synchronized (this) {
      try (NDManager sub = manager.newSubManager()) {
        NDArray x = sub.create(planes.values(), CellNetwork.inputShape(1, planes.height(), planes.width()));
        NDArray out = net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().softmax(1);
        p = out.toFloatArray();
        shape = out.getShape().getShape();
      }
    }
    return new Cells((int) shape[3], (int) shape[2], p);
  }

  /**
   * Class probabilities per cell, class-major.
   *
   * @param width cells across
   * @param height cells down
   * @param p background, stamp and signature planes
   */
  record Cells(int width, int height, float[] p) {
    float probability(int c, int x, int y) {
      return p[c * width * height + y * width + x];
    }

    int call(int x, int y) {
      int best = 0;
      for (int c = 1; c < CellNetwork.CLASSES; c++) {
        if (probability(c, x, y) > probability(best, x, y)) {
          best = c;
        }
      }
      return best;
    }
  }

  /** Connected cells of one call as regions, boxes tight around their ink, parts joined. */
  static List<Detection> regions(Cells cells, InkPlanes planes, int pageWidth, int pageHeight) {
    int w = cells.width();
    int h = cells.height();
    // the region each cell belongs to, from 1; 0 for background and cells not yet reached
    int[] region = new int[w * h];
    int regions = 0;
    List<Detection> out = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < w * h; start++) {
      int call = cells.call(start % w, start / w);
      if (region[start] != 0 || call == 0) {
        continue;
      }
      int id = ++regions;
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      int n = 0;
      double sum = 0;
      region[start] = id;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int x = i % w;
        int y = i / w;
        n++;
        sum += cells.probability(call, x, y);
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
        int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
        for (int j : next) {
          if (j >= 0 && region[j] == 0 && cells.call(j % w, j / w) == call) {
            region[j] = id;
            queue.add(j);
          }
        }
      }
      if (n < MIN_CELLS) {
        continue;
      }
      Box box = tight(planes, region, w, id, x0, y0, x1, y1);
      if (box != null) {
        out.add(new Detection(Kind.values()[call - 1], box.clip(pageWidth, pageHeight), Math.clamp(sum / n, 0.0, 1.0)));
      }
    }
    out = join(out, pageWidth, pageHeight);
    out.sort(Comparator.comparingInt((Detection d) -> d.box().y()).thenComparingInt(d -> d.box().x()));
    return out;
  }

  /**
   * The bounds, in 300 dpi pixels, of the ink in the cells of region {@code id} (whose cells lie
   * within {@code x0..x1, y0..y1}); {@code null} when they hold no ink. Only the region's own
   * cells count: a stamp pressed against a signature, or the printed line under it, lies in cells
   * called otherwise, and counting the ink of the whole box took it in.
   */
  private static Box tight(InkPlanes planes, int[] region, int cellsAcross, int id, int x0, int y0, int x1, int y1) {
    int s = CellNetwork.STRIDE;
    int px0 = x0 * s;
    int py0 = y0 * s;
    int px1 = Math.min(planes.width() - 1, (x1 + 1) * s - 1);
    int py1 = Math.min(planes.height() - 1, (y1 + 1) * s - 1);
    int ix0 = Integer.MAX_VALUE;
    int iy0 = Integer.MAX_VALUE;
    int ix1 = -1;
    int iy1 = -1;
    for (int y = py0; y <= py1; y++) {
      for (int x = px0; x <= px1; x++) {
        if (region[(y / s) * cellsAcross + x / s] == id && planes.inked(x, y)) {
          ix0 = Math.min(ix0, x);
          iy0 = Math.min(iy0, y);
          ix1 = Math.max(ix1, x);
          iy1 = Math.max(iy1, y);
        }
      }
    }
    if (ix1 < 0) {
      return null;
    }
    int r = InkPlanes.REDUCTION;
    return new Box(ix0 * r, iy0 * r, (ix1 - ix0 + 1) * r, (iy1 - iy0 + 1) * r);
  }

  /** Joins signature regions within {@link #SIGNATURE_GAP} of each other, and stamp regions that overlap. */
  private static List<Detection> join(List<Detection> regions, int pageWidth, int pageHeight) {
    List<Detection> out = new ArrayList<>(regions);
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          Detection a = out.get(i);
          Detection b = out.get(j);
          int gap = a.kind() == Kind.SIGNATURE ? SIGNATURE_GAP : 0;
          Box x = a.box();
          Box y = b.box();
          if (a.kind() == b.kind()
              && x.x() - gap <= y.x() + y.width() && y.x() - gap <= x.x() + x.width()
              && x.y() - gap <= y.y() + y.height() && y.y() - gap <= x.y() + x.height()) {
            int bx0 = Math.min(x.x(), y.x());
            int by0 = Math.min(x.y(), y.y());
            int bx1 = Math.max(x.x() + x.width(), y.x() + y.width());
            int by1 = Math.max(x.y() + x.height(), y.y() + y.height());
            double conf = (a.confidence() * x.area() + b.confidence() * y.area()) / (x.area() + y.area());
            out.set(i, new Detection(a.kind(), new Box(bx0, by0, bx1 - bx0, by1 - by0).clip(pageWidth, pageHeight), conf));
            out.remove(j);
            merged = true;
            break outer;
          }
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    manager.close();
  }
}
