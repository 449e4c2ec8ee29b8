package org.riskgate.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.verify.DefaultDocumentVerifier;

/** End to end through the public API, on generated test issuers. */
class VerifierTest {

  @TempDir static Path dir;
  static SyntheticData data;
  static Issuer issuer;
  static DocumentVerifier verifier;

  @BeforeAll
  static void registerIssuer() throws IOException {
    data = new SyntheticData(7, 20);
    issuer = data.issuers(Issuer.Split.TEST).getFirst();
    VerifierConfig config = VerifierConfig.of(dir.resolve("registry"));
    var registry = DefaultDocumentVerifier.registry(config);
    for (Kind k : Kind.values()) {
      Path p = dir.resolve(k.label() + ".png");
      ImageIO.write(data.reference(issuer, k, new Random(1)), "png", p.toFile());
      registry.register(issuer.id(), k, p, LocalDate.of(2020, 1, 1), Reference.OPEN_END);
    }
    verifier = DocumentVerifier.open(config);
  }

  private static RegionResult region(VerificationReport r, Kind k) {
    return r.regions().stream().filter(x -> x.detection().kind() == k).findFirst().orElseThrow();
  }

  @Test
  void copiedStampAndSignatureScoreBelowGenuineOnesAndAreSuspicious() {
    PageSample genuine = data.page(issuer, Forgery.GENUINE, Forgery.GENUINE, new Random(21));
    VerificationReport ok = verifier.verify(issuer.id(), "genuine", genuine.image());
    PageSample copied = data.page(issuer, Forgery.OTHER, Forgery.OTHER, new Random(22));
    VerificationReport bad = verifier.verify(issuer.id(), "copied", copied.image());
    for (Kind k : Kind.values()) {
      assertThat(region(bad, k).verdict()).as(k.label()).isInstanceOf(Verdict.Suspicious.class);
      assertThat(region(bad, k).similarity().getAsDouble()).as(k.label())
          .isLessThan(region(ok, k).similarity().getAsDouble());
    }
    assertThat(bad.suspicious()).isTrue();
    assertThat(bad.reason()).contains("suspicious").contains(issuer.id());
  }

  @Test
  void issuerWithoutReferencesGetsNoReference() {
    PageSample page = data.page(issuer, Forgery.GENUINE, Forgery.GENUINE, new Random(23));
    VerificationReport r = verifier.verify("UNKNOWN-1", "p", page.image());
    assertThat(r.regions()).isNotEmpty();
    assertThat(r.regions()).allMatch(x -> x.verdict() instanceof Verdict.NoReference);
    assertThat(r.worstSimilarity()).isEmpty();
  }

  @Test
  void blankPageIsATypedError() throws IOException {
    BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1240, 1754);
    g.dispose();
    Path p = dir.resolve("blank.png");
    ImageIO.write(blank, "png", p.toFile());
    assertThatThrownBy(() -> verifier.verify(issuer.id(), p)).isInstanceOf(DocumentInputException.EmptyPage.class);
  }
}
