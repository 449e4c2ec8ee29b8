package org.riskgate.documents.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/**
 * Benchmark, not a test: detection (as the verifier runs it: page brought to 300 dpi, then the
 * detector) on validation issuers of the training generator, as generated and varied (inks,
 * faces, pens, sizes; pages at 150, 200, 300 and 600 dpi). Detector choices are made on this
 * table, never on the second generator's.
 *
 * <pre>BENCH_MAIN=org.riskgate.documents.bench.DetectionBench bench/docs-foreign.sh [pages per issuer] [varied]</pre>
 */
public final class DetectionBench {

  private DetectionBench() {}

  private static final int[] DPIS = {150, 200, 300, 600};

  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    long t0 = System.nanoTime();
    System.out.println("| population | dpi | kind | TP | FN | FP | precision | recall |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    boolean[] populations = args.length > 1 && args[1].equals("varied") ? new boolean[] {true} : new boolean[] {false, true};
    for (boolean varied : populations) {
      SyntheticData data = new SyntheticData(7, 60, varied);
      List<Issuer> val = data.issuers(Issuer.Split.VALIDATION);
      int[][][] counts = new int[DPIS.length][2][3];
      IntStream.range(0, val.size() * pages).parallel().forEach(i -> {
        Issuer is = val.get(i / pages);
        int j = i % pages;
        int d = varied ? j % DPIS.length : 2;
        PageSample p = data.page(is, Forgery.values()[j % 3], Forgery.values()[(j + 1 + j / 3) % 3],
            new Random(7 * 7919 + 1_000_003L + i), DPIS[d]);
        Resolution.Normalised work = Resolution.normalise(p.image());
        List<Detection> dets = new ArrayList<>();
        for (Detection x : new InkDetector().detect(work.page())) {
          dets.add(new Detection(x.kind(), work.toInput(x.box()), x.confidence()));
        }
        int[][] c = new int[2][3];
        for (Truth t : p.truths()) {
          Detection best = null;
          double bestIou = 0.5;
          for (Detection x : dets) {
            if (x.kind() == t.kind() && x.box().iou(t.box()) >= bestIou) {
              best = x;
              bestIou = x.box().iou(t.box());
            }
          }
          if (best == null) {
            c[t.kind().ordinal()][1]++;
          } else {
            c[t.kind().ordinal()][0]++;
            dets.remove(best);
          }
        }
        for (Detection x : dets) {
          c[x.kind().ordinal()][2]++;
        }
        synchronized (counts) {
          for (int k = 0; k < 2; k++) {
            for (int m = 0; m < 3; m++) {
              counts[d][k][m] += c[k][m];
            }
          }
        }
      });
      for (int d = 0; d < DPIS.length; d++) {
        for (Kind k : Kind.values()) {
          int[] c = counts[d][k.ordinal()];
          if (c[0] + c[1] + c[2] == 0) {
            continue;
          }
          System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %d | %.3f | %.3f |%n", varied ? "varied" : "as generated",
              DPIS[d], k.label(), c[0], c[1], c[2], c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]),
              (double) c[0] / Math.max(1, c[0] + c[1]));
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n(validation issuers of seed 7, %d pages each; %.0f s)%n", pages, (System.nanoTime() - t0) / 1e9);
  }
}
