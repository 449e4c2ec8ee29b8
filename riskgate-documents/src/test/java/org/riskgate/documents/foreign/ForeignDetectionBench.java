package org.riskgate.documents.foreign;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Detector;
import org.riskgate.documents.Kind;
import org.riskgate.documents.detect.DetectionCheck;
import org.riskgate.documents.detect.PageDetector;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.Truth;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/**
 * Benchmark, not a test: detection alone (no comparison, no OCR) on the second generator's pages,
 * the same pages as {@link ForeignBench} makes (seed 2026, page i from {@code Random(9000 + i)}),
 * for each detector. Reported once after a choice; never used to make one.
 *
 * <pre>BENCH_MAIN=org.riskgate.documents.foreign.ForeignDetectionBench bench/docs-foreign.sh [issuers] [pages] [dpi] [ink,learned]</pre>
 */
public final class ForeignDetectionBench {

  private ForeignDetectionBench() {}

  public static void main(String[] args) {
    int issuers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int dpi = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    long t0 = System.nanoTime();
    ForeignPages foreign = new ForeignPages(2026, issuers);
    ForeignPages.Provenance[] prov = ForeignPages.Provenance.values();
    Detector[] detectors = args.length > 3
        ? Arrays.stream(args[3].split(",")).map(Detector::parse).toArray(Detector[]::new)
        : Detector.values();
    PageDetector[] impl = new PageDetector[detectors.length];
    for (int d = 0; d < detectors.length; d++) {
      impl[d] = DefaultDocumentVerifier.detector(detectors[d]);
    }
    int[][][] counts = new int[detectors.length][2][4];
    IntStream.range(0, issuers * pages).parallel().forEach(i -> {
      ForeignPages.ForeignIssuer fi = foreign.issuers().get(i / pages);
      int j = i % pages;
      ForeignPages.Page p = foreign.page(fi, prov[j % 3], prov[(j + 1 + j / 3) % 3], dpi, new Random(9000 + i));
      List<Truth> truths = p.items().stream().map(t -> new Truth(t.kind(), t.box(), Forgery.GENUINE, fi.id())).toList();
      PageSample page = new PageSample(p.image(), fi.id(), truths);
      for (int d = 0; d < detectors.length; d++) {
        int[][] c = DetectionCheck.count(truths, DetectionCheck.detect(impl[d], page));
        synchronized (counts) {
          DetectionCheck.add(counts[d], c);
        }
      }
    });
    System.out.printf(Locale.ROOT, "second generator: %d issuers x %d pages at %d dpi; IoU >= 0.5, kind must match%n%n", issuers, pages, dpi);
    System.out.println("| detector | kind | TP | FN | FP | precision | recall | found, any kind |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int d = 0; d < detectors.length; d++) {
      for (Kind k : Kind.values()) {
        int[] c = counts[d][k.ordinal()];
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", detectors[d].label(), k.label(), c[0], c[1], c[2],
            (double) c[0] / Math.max(1, c[0] + c[2]), (double) c[0] / Math.max(1, c[0] + c[1]), (double) c[3] / Math.max(1, c[0] + c[1]));
      }
    }
    System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
  }
}
