package org.riskgate.documents.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;
import org.riskgate.documents.compare.Embedder;
import org.riskgate.documents.synth.Forgery;

class EvaluationTest {

  /** Scores a region by where the detector put it: cheap, deterministic and different per page. */
  private static final Embedder BY_POSITION = new Embedder() {
    @Override
    public Method method() {
      return Method.CLASSICAL;
    }

    @Override
    public float[][] reference(BufferedImage image, Kind kind) {
      return new float[][] {{0}};
    }

    @Override
    public float[] query(BufferedImage page, Box box, Kind kind) {
      return new float[] {box.x(), box.y()};
    }

    @Override
    public double similarity(float[] query, float[][] reference, Kind kind) {
      return (query[0] * 31 + query[1]) % 100;
    }
  };

  private static Evaluation.Report run(int validationPages) {
    return new Evaluation(BY_POSITION).run(new Evaluation.Config(7, 5, 3, validationPages, 0));
  }

  @Test
  void validationIsSplitByForgeryAndItsPageCountLeavesTheTestSetAlone() {
    Evaluation.Report few = run(3);
    Evaluation.Report more = run(6);
    for (Evaluation.Report r : List.of(few, more)) {
      for (Kind k : Kind.values()) {
        Evaluation.VerificationScore all = r.validation().stream().filter(v -> v.kind() == k).findFirst().orElseThrow();
        List<Evaluation.VerificationScore> split = r.validationByForgery().stream().filter(v -> v.kind() == k).toList();
        assertEquals(List.of(Forgery.SKILLED, Forgery.OTHER), split.stream().map(Evaluation.VerificationScore::forgery).toList());
        assertEquals(all.roc().forged(), split.stream().mapToInt(v -> v.roc().forged()).sum(), k + ": skilled and other make up all forgeries");
        split.forEach(v -> assertEquals(all.roc().genuine(), v.roc().genuine()));
      }
      assertTrue(r.markdown().contains("Verification on validation issuers by forgery"), r.markdown());
    }
    assertTrue(more.validation().get(0).roc().genuine() > few.validation().get(0).roc().genuine(), "more validation pages, more items");
    // the test issuers' pages do not depend on how many validation pages there are
    assertEquals(few.detection(), more.detection());
    for (int i = 0; i < few.verification().size(); i++) {
      assertEquals(few.verification().get(i).roc(), more.verification().get(i).roc());
    }
  }
}
