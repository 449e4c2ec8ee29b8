package org.riskgate.documents.foreign;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.riskgate.documents.Detector;
import org.riskgate.documents.DocumentVerifier;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;
import org.riskgate.documents.Reference;
import org.riskgate.documents.RegionResult;
import org.riskgate.documents.VerificationReport;
import org.riskgate.documents.Verdict;
import org.riskgate.documents.VerifierConfig;
import org.riskgate.documents.eval.Roc;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/**
 * Benchmark, not a test: detection and verification through the public {@link DocumentVerifier},
 * with the shipped thresholds, on pages of the second generator ({@link ForeignPages}) beside
 * the training generator's test issuers. Prints Markdown tables.
 *
 * <pre>bench/docs-foreign.sh [method] [foreign issuers] [pages per issuer] [dpi]</pre>
 */
public final class ForeignBench {

  private ForeignBench() {}

  /** One page's truth item, mapped onto the common labels. */
  record Truthful(Kind kind, org.riskgate.documents.Box box, String provenance) {}

  /** Counts and scores gathered over pages. */
  static final class Tally {
    final int[] tp = new int[2];
    final int[] fn = new int[2];
    final int[] fp = new int[2];
    final int[] wrongKind = new int[2];
    final int[] merged = new int[1];
    /** Per provenance (genuine, skilled, other): stamp text checks by label. */
    final java.util.Map<String, Integer> text = new java.util.TreeMap<>();
    final List<double[]> scores = Collections.synchronizedList(new ArrayList<>()); // kind, provenance, similarity, passed

    synchronized void add(List<Truthful> truths, VerificationReport r) {
      List<RegionResult> left = new ArrayList<>(r.regions());
      for (Truthful t : truths) {
        RegionResult best = null;
        double bestIou = 0.5;
        for (RegionResult d : left) {
          double iou = d.detection().box().iou(t.box());
          if (d.detection().kind() == t.kind() && iou >= bestIou) {
            best = d;
            bestIou = iou;
          }
        }
        if (best == null) {
          fn[t.kind().ordinal()]++;
          boolean other = left.stream().anyMatch(d -> d.detection().kind() != t.kind() && d.detection().box().iou(t.box()) >= 0.5);
          wrongKind[t.kind().ordinal()] += other ? 1 : 0;
          continue;
        }
        left.remove(best);
        tp[t.kind().ordinal()]++;
        if (t.kind() == Kind.STAMP) {
          String label = best.text() instanceof org.riskgate.documents.TextCheck.Differs d
              ? (d.edits() <= 2 ? "differs (1-2 edits)" : "differs (3+ edits)") : best.text().label();
          text.merge(t.provenance() + "|" + label, 1, Integer::sum);
        }
        if (best.similarity().isPresent()) {
          scores.add(new double[] {t.kind().ordinal(), provenanceIndex(t.provenance()), best.similarity().getAsDouble(),
              best.verdict() instanceof Verdict.Consistent ? 1 : 0});
        }
      }
      for (RegionResult d : left) {
        fp[d.detection().kind().ordinal()]++;
      }
      if (truths.size() == 2) {
        var a = truths.get(0).box();
        var b = truths.get(1).box();
        int x0 = Math.min(a.x(), b.x());
        int y0 = Math.min(a.y(), b.y());
        var both = new org.riskgate.documents.Box(x0, y0, Math.max(a.x() + a.width(), b.x() + b.width()) - x0,
            Math.max(a.y() + a.height(), b.y() + b.height()) - y0);
        merged[0] += r.regions().stream().anyMatch(d -> d.detection().box().iou(both) >= 0.5
            && d.detection().box().iou(a) < 0.5 && d.detection().box().iou(b) < 0.5) ? 1 : 0;
      }
    }
  }

  private static final String[] PROVENANCES = {"genuine", "skilled", "other"};

  private static int provenanceIndex(String p) {
    for (int i = 0; i < PROVENANCES.length; i++) {
      if (PROVENANCES[i].equals(p)) {
        return i;
      }
    }
    throw new IllegalArgumentException(p);
  }

  public static void main(String[] args) throws IOException {
    Method method = args.length > 0 ? Method.parse(args[0]) : VerifierConfig.DEFAULT_METHOD;
    int foreignIssuers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int pages = args.length > 2 ? Integer.parseInt(args[2]) : 9;
    int dpi = args.length > 3 ? Integer.parseInt(args[3]) : 150;
    Detector detector = args.length > 4 ? Detector.parse(args[4]) : VerifierConfig.DEFAULT_DETECTOR;
    long t0 = System.nanoTime();
    Path dir = Files.createTempDirectory("docs-foreign");
    VerifierConfig config = new VerifierConfig(dir.resolve("registry"), method, VerifierConfig.DEFAULT_MAX_PIXELS, detector);
    var registry = DefaultDocumentVerifier.registry(config);

    ForeignPages foreign = new ForeignPages(2026, foreignIssuers);
    for (ForeignPages.ForeignIssuer fi : foreign.issuers()) {
      for (Kind k : Kind.values()) {
        Path p = dir.resolve(fi.id() + "-" + k.label() + ".png");
        ImageIO.write(foreign.reference(fi, k, new Random(fi.id().hashCode())), "png", p.toFile());
        registry.register(fi.id(), k, p, LocalDate.of(2020, 1, 1), Reference.OPEN_END);
      }
    }
    SyntheticData own = new SyntheticData(7, 60);
    List<Issuer> test = own.issuers(Issuer.Split.TEST);
    for (Issuer is : test) {
      Random refRng = new Random(is.id().hashCode() * 31L + 7);
      for (Kind k : Kind.values()) {
        Path p = dir.resolve(is.id() + "-" + k.label() + ".png");
        ImageIO.write(own.reference(is, k, refRng), "png", p.toFile());
        registry.register(is.id(), k, p, LocalDate.of(2020, 1, 1), Reference.OPEN_END);
      }
    }
    DocumentVerifier verifier = DocumentVerifier.open(config);

    Tally foreignTally = new Tally();
    ForeignPages.Provenance[] prov = ForeignPages.Provenance.values();
    run(foreignIssuers * pages, i -> {
      ForeignPages.ForeignIssuer fi = foreign.issuers().get(i / pages);
      int j = i % pages;
      ForeignPages.Page p = foreign.page(fi, prov[j % 3], prov[(j + 1 + j / 3) % 3], dpi, new Random(9000 + i));
      List<Truthful> truths = p.items().stream()
          .map(t -> new Truthful(t.kind(), t.box(), PROVENANCES[t.provenance().ordinal()])).toList();
      foreignTally.add(truths, verifier.verify(fi.id(), "foreign-" + i, p.image()));
      return null;
    });
    Tally ownTally = new Tally();
    run(test.size() * 9, i -> {
      Issuer is = test.get(i / 9);
      int j = i % 9;
      Random rng = new Random(7 * 7919 + 2 * 1_000_003L + i);
      PageSample p = own.page(is, Forgery.values()[j % 3], Forgery.values()[(j + 1 + j / 3) % 3], rng);
      List<Truthful> truths = new ArrayList<>();
      for (Truth t : p.truths()) {
        truths.add(new Truthful(t.kind(), t.box(), PROVENANCES[t.forgery().ordinal()]));
      }
      ownTally.add(truths, verifier.verify(is.id(), "own-" + i, p.image()));
      return null;
    });

    System.out.printf(Locale.ROOT, "method %s, detector %s; second generator: %d issuers x %d pages at %d dpi; training generator: "
        + "seed 7, %d test issuers x 9 pages at 300 dpi; shipped thresholds%n%n", method.label(), detector.label(), foreignIssuers, pages, dpi,
        test.size());
    System.out.println("Detection (IoU >= 0.5, kind must match)\n");
    System.out.println("| pages | kind | TP | FN | FP | precision | recall | missed as the other kind | stamp+signature as one box |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    detection("second generator", foreignTally);
    detection("training generator, test issuers", ownTally);
    System.out.println("\nVerification of detected items (matched at IoU >= 0.5)\n");
    System.out.println("| pages | kind | forgery | genuine | forged | ROC AUC | EER | FAR at shipped threshold | FRR at shipped threshold |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    verification("second generator", foreignTally);
    verification("training generator, test issuers", ownTally);
    System.out.println("\nStamp text read (Tesseract) against the registered reference's, detected stamps\n");
    System.out.println("| pages | stamp | text check | count |");
    System.out.println("|---|---|---|---|");
    foreignTally.text.forEach((k, v) -> System.out.println("| second generator | " + k.replace("|", " | ") + " | " + v + " |"));
    ownTally.text.forEach((k, v) -> System.out.println("| training generator, test issuers | " + k.replace("|", " | ") + " | " + v + " |"));
    System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - t0) / 1e9);
  }

  private static void run(int n, Function<Integer, Void> body) {
    ConcurrentHashMap<Integer, Throwable> errors = new ConcurrentHashMap<>();
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        body.apply(i);
      } catch (RuntimeException e) {
        errors.put(i, e);
      }
    });
    if (!errors.isEmpty()) {
      var first = errors.entrySet().iterator().next();
      throw new IllegalStateException(errors.size() + " pages failed, first page " + first.getKey(), first.getValue());
    }
  }

  private static void detection(String label, Tally t) {
    for (Kind k : Kind.values()) {
      int i = k.ordinal();
      double p = t.tp[i] + t.fp[i] == 0 ? 0 : (double) t.tp[i] / (t.tp[i] + t.fp[i]);
      double r = t.tp[i] + t.fn[i] == 0 ? 0 : (double) t.tp[i] / (t.tp[i] + t.fn[i]);
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %d | %s |%n", label, k.label(), t.tp[i], t.fn[i],
          t.fp[i], p, r, t.wrongKind[i], k == Kind.STAMP ? Integer.toString(t.merged[0]) : "");
    }
  }

  private static void verification(String label, Tally t) {
    for (Kind k : Kind.values()) {
      double[] genuine = pick(t, k, 0, 2);
      double[] genuinePassed = pick(t, k, 0, 3);
      for (int f = 1; f <= 2; f++) {
        double[] forged = pick(t, k, f, 2);
        if (genuine.length == 0 || forged.length == 0) {
          continue;
        }
        Roc roc = Roc.of(genuine, forged);
        double far = mean(pick(t, k, f, 3));
        double frr = 1 - mean(genuinePassed);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %.3f | %.1f %% | %.1f %% | %.1f %% |%n", label, k.label(),
            PROVENANCES[f], genuine.length, forged.length, roc.auc(), 100 * roc.eer(), 100 * far, 100 * frr);
      }
    }
  }

  private static double[] pick(Tally t, Kind k, int provenance, int column) {
    synchronized (t.scores) {
      return t.scores.stream().filter(s -> (int) s[0] == k.ordinal() && (int) s[1] == provenance).mapToDouble(s -> s[column])
          .toArray();
    }
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return xs.length == 0 ? 0 : s / xs.length;
  }
}
