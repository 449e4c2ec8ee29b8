package org.riskgate.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.riskgate.documents.image.Resolution;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/** The same page scanned at 150, 200, 300 and 600 dpi gives the same boxes (scaled) and verdicts, with either detector. */
class ResolutionIndependenceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Detector.class)
  void sameBoxesAndVerdictsAtEveryResolution(Detector detector) throws IOException {
    SyntheticData data = new SyntheticData(7, 20);
    Issuer issuer = data.issuers(Issuer.Split.TEST).getFirst();
    VerifierConfig config = VerifierConfig.of(dir.resolve("registry")).withDetector(detector);
    var registry = DefaultDocumentVerifier.registry(config);
    for (Kind k : Kind.values()) {
      Path p = dir.resolve(k.label() + ".png");
      ImageIO.write(data.reference(issuer, k, new Random(1)), "png", p.toFile());
      registry.register(issuer.id(), k, p, LocalDate.of(2020, 1, 1), Reference.OPEN_END);
    }
    DocumentVerifier verifier = DocumentVerifier.open(config);
    // a genuine stamp and another writer's signature: one region passes, one is flagged
    PageSample page = data.page(issuer, Forgery.GENUINE, Forgery.OTHER, new Random(5));
    VerificationReport at300 = verifier.verify(issuer.id(), "300", page.image());
    assertThat(at300.regions()).hasSize(2);
    assertThat(at300.regions()).anyMatch(r -> r.verdict() instanceof Verdict.Consistent);
    assertThat(at300.regions()).anyMatch(r -> r.verdict() instanceof Verdict.Suspicious);
    for (int dpi : new int[] {150, 200, 600}) {
      double f = dpi / 300.0;
      var scan = Resolution.resample(page.image(), f);
      assertThat(Resolution.estimateDpi(scan.getWidth(), scan.getHeight())).isCloseTo(dpi, org.assertj.core.data.Offset.offset(2.0));
      VerificationReport r = verifier.verify(issuer.id(), Integer.toString(dpi), scan);
      List<RegionResult> got = r.regions();
      assertThat(got).as("%d dpi", dpi).hasSize(at300.regions().size());
      for (RegionResult want : at300.regions()) {
        Box w = want.detection().box();
        Box scaled = new Box((int) Math.round(w.x() * f), (int) Math.round(w.y() * f), (int) Math.round(w.width() * f),
            (int) Math.round(w.height() * f));
        RegionResult same = got.stream().filter(g -> g.detection().kind() == want.detection().kind())
            .max((a, b) -> Double.compare(a.detection().box().iou(scaled), b.detection().box().iou(scaled))).orElseThrow();
        assertThat(same.detection().box().iou(scaled)).as("%s at %d dpi", want.detection().kind(), dpi).isGreaterThan(0.85);
        assertThat(same.verdict().label()).as("%s at %d dpi", want.detection().kind(), dpi).isEqualTo(want.verdict().label());
      }
    }
  }

  @Test
  void resolutionComesFromThePapersShape() {
    assertThat(Resolution.estimateDpi(2480, 3508)).isCloseTo(300, org.assertj.core.data.Offset.offset(1.0));
    assertThat(Resolution.estimateDpi(1240, 1754)).isCloseTo(150, org.assertj.core.data.Offset.offset(1.0));
    assertThat(Resolution.estimateDpi(2550, 3300)).isCloseTo(300, org.assertj.core.data.Offset.offset(1.0)); // US Letter
    assertThat(Resolution.estimateDpi(7016, 4960)).isCloseTo(600, org.assertj.core.data.Offset.offset(1.0)); // A4 landscape
    assertThat(Resolution.estimateDpi(600, 400)).isEqualTo(Resolution.WORKING_DPI); // a crop: taken as 300 dpi
  }
}
