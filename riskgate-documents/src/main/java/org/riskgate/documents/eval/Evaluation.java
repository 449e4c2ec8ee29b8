package org.riskgate.documents.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.riskgate.documents.Detection;
import org.riskgate.documents.Kind;
import org.riskgate.documents.compare.Embedder;
import org.riskgate.documents.detect.InkDetector;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/**
 * Runs detector and embedder over generated pages of validation and test issuers. Thresholds are
 * chosen on validation issuers (at the equal error rate, all forgeries together) and then
 * applied, unchanged, to test issuers.
 */
public final class Evaluation {

  /**
   * What to generate.
   *
   * @param seed generator seed
   * @param issuers issuers in the population (a fifth are validation, a fifth test)
   * @param pagesPerIssuer pages per test issuer; stamps and signatures cycle through genuine, skilled and other
   * @param validationPagesPerIssuer pages per validation issuer (more than the test's: choices and
   *     thresholds are made there, and 36 forgeries per cell leave one item at 2.8 EER points)
   * @param blackPoint 0 for the generator's scans; else every page, validation and test alike, is
   *     made a lighter scan whose black print comes out at this luma (see {@link
   *     SyntheticData#lighten}), to check that nothing was fitted to one scanner's tones
   */
  public record Config(long seed, int issuers, int pagesPerIssuer, int validationPagesPerIssuer, int blackPoint) {
    /** Checks the numbers. */
    public Config {
      if (issuers < 5 || pagesPerIssuer < 3 || validationPagesPerIssuer < 3) {
        throw new IllegalArgumentException("need at least 5 issuers and 3 pages per issuer");
      }
    }
  }

  /** Detection figures for one kind at IoU 0.5. */
  public record DetectionScore(Kind kind, int truePositives, int falseNegatives, int falsePositives) {
    /** TP / (TP + FP). */
    public double precision() {
      return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    /** TP / (TP + FN). */
    public double recall() {
      return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }
  }

  /** Verification figures of one kind against one kind of forgery. */
  public record VerificationScore(Kind kind, Forgery forgery, Roc roc, double farAtThreshold, double frrAtThreshold) {}

  /**
   * The outcome.
   *
   * @param config what was generated
   * @param method the embedder's method
   * @param thresholds validation thresholds per kind
   * @param detection test detection figures
   * @param verification test verification figures per kind of forgery
   * @param validation validation verification figures (all forgeries together; thresholds are their EER points)
   * @param validationByForgery validation verification figures per kind of forgery, at those thresholds
   */
  public record Report(
      Config config, String method, Map<Kind, Double> thresholds, List<DetectionScore> detection,
      List<VerificationScore> verification, List<VerificationScore> validation, List<VerificationScore> validationByForgery) {

    /** Copies the collections. */
    public Report {
      thresholds = Map.copyOf(thresholds);
      detection = List.copyOf(detection);
      verification = List.copyOf(verification);
      validation = List.copyOf(validation);
      validationByForgery = List.copyOf(validationByForgery);
    }

    /** Markdown tables for the documentation. */
    public String markdown() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "method %s, seed %d, %d issuers, %d pages per test issuer, %d per validation issuer%s%n%n",
          method, config.seed(), config.issuers(), config.pagesPerIssuer(), config.validationPagesPerIssuer(),
          config.blackPoint() == 0 ? "" : ", lighter scans (black point " + config.blackPoint() + ")"));
      sb.append("Detection on test issuers (IoU >= 0.5, kind must match)\n\n");
      sb.append("| kind | TP | FN | FP | precision | recall |\n|---|---|---|---|---|---|\n");
      for (DetectionScore d : detection) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", d.kind().label(),
            d.truePositives(), d.falseNegatives(), d.falsePositives(), d.precision(), d.recall()));
      }
      sb.append("\nVerification on test issuers (threshold chosen on validation issuers)\n\n");
      byForgery(sb, verification);
      sb.append("\nVerification on validation issuers by forgery (where choices are made; same thresholds)\n\n");
      byForgery(sb, validationByForgery);
      sb.append("\nValidation issuers (skilled and other forgeries together; the threshold is this EER point)\n\n");
      sb.append("| kind | genuine | forged | ROC AUC | EER | threshold |\n|---|---|---|---|---|---|\n");
      for (VerificationScore v : validation) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.1f %% | %.2f |%n", v.kind().label(),
            v.roc().genuine(), v.roc().forged(), v.roc().auc(), 100 * v.roc().eer(), thresholds.get(v.kind())));
      }
      return sb.toString();
    }

    private void byForgery(StringBuilder sb, List<VerificationScore> rows) {
      sb.append("| kind | forgery | genuine | forged | ROC AUC | EER | threshold | FAR at threshold | FRR at threshold |\n");
      sb.append("|---|---|---|---|---|---|---|---|---|\n");
      for (VerificationScore v : rows) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %.1f %% | %.1f | %.1f %% | %.1f %% |%n",
            v.kind().label(), v.forgery().name().toLowerCase(Locale.ROOT), v.roc().genuine(), v.roc().forged(),
            v.roc().auc(), 100 * v.roc().eer(), thresholds.get(v.kind()), 100 * v.farAtThreshold(), 100 * v.frrAtThreshold()));
      }
    }
  }

  private record Scored(Kind kind, Forgery forgery, double similarity) {}

  private record PageResult(int[] tp, int[] fn, int[] fp, List<Scored> scores) {}

  private final InkDetector detector = new InkDetector();
  private final Embedder embedder;

  /** An evaluation of the given embedder (with the project's detector). */
  public Evaluation(Embedder embedder) {
    this.embedder = embedder;
  }

  /** Generates the pages and measures; deterministic for a config. */
  public Report run(Config config) {
    SyntheticData data = new SyntheticData(config.seed(), config.issuers());
    List<PageResult> val = pages(data, data.issuers(Issuer.Split.VALIDATION), config.validationPagesPerIssuer(), config, 1);
    List<PageResult> test = pages(data, data.issuers(Issuer.Split.TEST), config.pagesPerIssuer(), config, 2);
    Map<Kind, Double> thr = new EnumMap<>(Kind.class);
    List<VerificationScore> valScores = new ArrayList<>();
    for (Kind k : Kind.values()) {
      Roc roc = Roc.of(scores(val, k, Forgery.GENUINE), concat(scores(val, k, Forgery.SKILLED), scores(val, k, Forgery.OTHER)));
      thr.put(k, roc.eerThreshold());
      valScores.add(new VerificationScore(k, Forgery.SKILLED, roc, Double.NaN, Double.NaN));
    }
    List<DetectionScore> det = new ArrayList<>();
    for (Kind k : Kind.values()) {
      int tp = test.stream().mapToInt(p -> p.tp()[k.ordinal()]).sum();
      int fn = test.stream().mapToInt(p -> p.fn()[k.ordinal()]).sum();
      int fp = test.stream().mapToInt(p -> p.fp()[k.ordinal()]).sum();
      det.add(new DetectionScore(k, tp, fn, fp));
    }
    return new Report(config, embedder.method().label(), thr, det, byForgery(test, thr), valScores, byForgery(val, thr));
  }

  /** Per kind and kind of forgery: ROC against the genuine items, and error rates at the given thresholds. */
  private static List<VerificationScore> byForgery(List<PageResult> pages, Map<Kind, Double> thr) {
    List<VerificationScore> ver = new ArrayList<>();
    for (Kind k : Kind.values()) {
      double[] genuine = scores(pages, k, Forgery.GENUINE);
      for (Forgery f : List.of(Forgery.SKILLED, Forgery.OTHER)) {
        double[] forged = scores(pages, k, f);
        if (genuine.length == 0 || forged.length == 0) {
          continue;
        }
        double t = thr.get(k);
        ver.add(new VerificationScore(k, f, Roc.of(genuine, forged), fractionAtLeast(forged, t), 1 - fractionAtLeast(genuine, t)));
      }
    }
    return ver;
  }

  /** Pages of the given issuers; page {@code i} depends on seed, salt and {@code i} only, so a split's pages stay fixed for its page count. */
  private List<PageResult> pages(SyntheticData data, List<Issuer> issuers, int pagesPerIssuer, Config config, int salt) {
    long seed = config.seed();
    int n = issuers.size() * pagesPerIssuer;
    return IntStream.range(0, n).parallel().mapToObj(i -> {
      Issuer issuer = issuers.get(i / pagesPerIssuer);
      int j = i % pagesPerIssuer;
      Random rng = new Random(seed * 7919 + salt * 1_000_003L + i);
      Forgery stamp = Forgery.values()[j % 3];
      Forgery sig = Forgery.values()[(j + 1 + j / 3) % 3];
      PageSample page = data.page(issuer, stamp, sig, rng);
      SyntheticData.lighten(page, config.blackPoint());
      Random refRng = new Random(issuer.id().hashCode() * 31L + seed);
      float[][] refStamp = embedder.reference(data.reference(issuer, Kind.STAMP, refRng), Kind.STAMP);
      float[][] refSig = embedder.reference(data.reference(issuer, Kind.SIGNATURE, refRng), Kind.SIGNATURE);
      return score(page, refStamp, refSig);
    }).toList();
  }

  private PageResult score(PageSample page, float[][] refStamp, float[][] refSig) {
    List<Detection> dets = new ArrayList<>(detector.detect(page.image()));
    int[] tp = new int[2];
    int[] fn = new int[2];
    int[] fp = new int[2];
    List<Scored> scores = new ArrayList<>();
    for (Truth t : page.truths()) {
      Detection best = null;
      double bestIou = 0.5;
      for (Detection d : dets) {
        double iou = d.box().iou(t.box());
        if (d.kind() == t.kind() && iou >= bestIou) {
          best = d;
          bestIou = iou;
        }
      }
      if (best == null) {
        fn[t.kind().ordinal()]++;
        continue;
      }
      dets.remove(best);
      tp[t.kind().ordinal()]++;
      float[] q = embedder.query(page.image(), best.box(), t.kind());
      scores.add(new Scored(t.kind(), t.forgery(), embedder.similarity(q, t.kind() == Kind.STAMP ? refStamp : refSig, t.kind())));
    }
    for (Detection d : dets) {
      fp[d.kind().ordinal()]++;
    }
    return new PageResult(tp, fn, fp, scores);
  }

  private static double[] scores(List<PageResult> pages, Kind k, Forgery f) {
    return pages.stream().flatMap(p -> p.scores().stream())
        .filter(s -> s.kind() == k && s.forgery() == f).mapToDouble(Scored::similarity).toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = new double[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double fractionAtLeast(double[] xs, double t) {
    if (xs.length == 0) {
      return 0;
    }
    int n = 0;
    for (double x : xs) {
      if (x >= t) {
        n++;
      }
    }
    return (double) n / xs.length;
  }
}
