package org.riskgate.documents.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.detect.DetectionCheck;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.detect.LearnedDetector;
import org.riskgate.documents.detect.PageDetector;
import org.riskgate.documents.detect.TruthLabels;
import org.riskgate.documents.image.Resolution;
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
 * <p>Rows per detector: {@code ink} (the hand-set {@link InkDetector}), {@code learned} (the
 * shipped {@link LearnedDetector}) and {@code oracle}: the ink detector's candidate regions
 * called by the page's ground truth ({@link TruthLabels}) and joined as the ink detector joins
 * them, the best any classifier of those candidates could do. "Any kind" counts an item found
 * under either kind: where it is high and recall low, the call is wrong, not the candidates.
 *
 * <pre>BENCH_MAIN=org.riskgate.documents.bench.DetectionBench bench/docs-foreign.sh [pages per issuer] [varied|both] [ink,learned,oracle]</pre>
 */
public final class DetectionBench {

  private DetectionBench() {}

  /** A detector that may look at the page's truth (the oracle does). */
  private interface Judged {
    List<Detection> detect(PageSample page);
  }

  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    long t0 = System.nanoTime();
    InkDetector ink = new InkDetector();
    Map<String, Judged> detectors = new LinkedHashMap<>();
    for (String name : (args.length > 2 ? args[2] : "ink,learned,oracle").split(",")) {
      detectors.put(name, switch (name) {
        case "ink" -> p -> DetectionCheck.detect(ink, p);
        case "learned" -> {
          PageDetector learned = LearnedDetector.shipped();
          yield p -> DetectionCheck.detect(learned, p);
        }
        case "oracle" -> p -> DetectionCheck.detect(page -> oracle(ink, page, p), p);
        default -> throw new IllegalArgumentException("detector must be ink, learned or oracle, not " + name);
      });
    }
    System.out.println("| population | detector | dpi | kind | TP | FN | FP | precision | recall | found, any kind |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    boolean[] populations = args.length > 1 && args[1].equals("varied") ? new boolean[] {true} : new boolean[] {false, true};
    int dpis = DetectionCheck.DPIS.length;
    for (boolean varied : populations) {
      SyntheticData data = new SyntheticData(7, 60, varied);
      List<Issuer> val = data.issuers(Issuer.Split.VALIDATION);
      String[] names = detectors.keySet().toArray(String[]::new);
      int[][][][] counts = new int[names.length][dpis][2][4];
      IntStream.range(0, val.size() * pages).parallel().forEach(i -> {
        PageSample p = DetectionCheck.page(data, val, pages, i, varied);
        int d = DetectionCheck.dpiIndex(pages, i, varied);
        for (int n = 0; n < names.length; n++) {
          int[][] c = DetectionCheck.count(p.truths(), detectors.get(names[n]).detect(p));
          synchronized (counts) {
            DetectionCheck.add(counts[n][d], c);
          }
        }
      });
      for (int n = 0; n < names.length; n++) {
        for (int d = 0; d < dpis; d++) {
          for (Kind k : Kind.values()) {
            int[] c = counts[n][d][k.ordinal()];
            if (c[0] + c[1] + c[2] == 0) {
              continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", varied ? "varied" : "as generated",
                names[n], DetectionCheck.DPIS[d], k.label(), c[0], c[1], c[2], c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]),
                (double) c[0] / Math.max(1, c[0] + c[1]), (double) c[3] / Math.max(1, c[0] + c[1]));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n(validation issuers of seed 7, %d pages each; %.0f s)%n", pages, (System.nanoTime() - t0) / 1e9);
  }

  /** The ink detector's candidates on the 300 dpi page called by the truth, signature parts joined. */
  private static List<Detection> oracle(InkDetector ink, java.awt.image.BufferedImage work, PageSample p) {
    Resolution.Normalised n = Resolution.normalise(p.image());
    List<Truth> truths = p.truths().stream().map(t -> new Truth(t.kind(), n.toWork(t.box()), t.forgery(), t.source())).toList();
    List<InkDetector.Region> called = ink.proposals(work).stream()
        .flatMap(r -> TruthLabels.of(r.box(), truths).stream()
            .map(k -> new InkDetector.Region(r.box(), r.colour(), r.fill(), r.pieces(), r.aspect(), r.frame(), k, 1.0)))
        .toList();
    return InkDetector.joinSignatureParts(called, work.getWidth(), work.getHeight()).stream()
        .map(r -> new Detection(r.kind(), r.box(), r.confidence())).toList();
  }
}
