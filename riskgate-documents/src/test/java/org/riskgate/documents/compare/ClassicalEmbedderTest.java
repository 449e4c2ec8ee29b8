package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.SyntheticData;

/** The OpenCV registration method on generated test issuers (never seen when its model was fitted). */
class ClassicalEmbedderTest {

  static SyntheticData data;
  static List<Issuer> issuers;
  static ClassicalEmbedder classical;

  @BeforeAll
  static void setUp() {
    data = new SyntheticData(7, 60);
    issuers = data.issuers(Issuer.Split.TEST);
    classical = new ClassicalEmbedder();
  }

  private static float[][] reference(Issuer issuer, Kind kind) {
    BufferedImage img = data.reference(issuer, kind, new Random(issuer.id().hashCode()));
    return classical.reference(img, kind);
  }

  private static double score(float[][] ref, SyntheticData.Patch p, Kind kind) {
    return classical.similarity(classical.query(p.image(), p.box(), kind), ref, kind);
  }

  @Test
  void openCvNativesLoad() {
    assertThat(OpenCv.load()).startsWith("4.13");
  }

  @Test
  void aRotatedGenuineStampIsAlignedBackOntoItsReference() {
    Issuer issuer = issuers.get(1);
    float[][] ref = reference(issuer, Kind.STAMP);
    Random rng = new Random(5);
    SyntheticData.Patch p = data.patch(issuer, Kind.STAMP, Forgery.GENUINE, rng);
    while (Math.abs(p.angle()) < 10) {
      p = data.patch(issuer, Kind.STAMP, Forgery.GENUINE, rng);
    }
    InkAlignment.Ink r = InkAlignment.Ink.decode(ref[0]);
    InkAlignment.Ink q = InkAlignment.Ink.decode(classical.query(p.image(), p.box(), Kind.STAMP));
    InkAlignment.Ink aligned = InkAlignment.aligned(r, q, Kind.STAMP);
    // most of the reference's strokes are found under the aligned query's ink (partial ink loses some)
    int refInk = 0;
    int covered = 0;
    for (int i = 0; i < r.v().length; i++) {
      if (r.v()[i] > 0.35f) {
        refInk++;
        covered += aligned.v()[i] > 0.1f ? 1 : 0;
      }
    }
    assertThat((double) covered / refInk).as("rotated %.1f degrees", p.angle()).isGreaterThan(0.6);
    // and the blurred ink correlates well after the fit
    double[] f = InkAlignment.features(r, q, Kind.STAMP);
    assertThat(f[java.util.Arrays.asList(InkAlignment.FEATURES).indexOf("ecc")]).as("ECC correlation").isGreaterThan(0.5);
  }

  /** Statistical, as the evaluation is: genuine impressions outrank skilled imitations for most pairs. */
  @Test
  void genuineImpressionsScoreAboveSkilledImitations() {
    for (Kind kind : Kind.values()) {
      int wins = 0;
      int pairs = 0;
      double genuineSum = 0;
      double skilledSum = 0;
      for (int i = 0; i < 4; i++) {
        Issuer issuer = issuers.get(i);
        float[][] ref = reference(issuer, kind);
        Random rng = new Random(100 + i);
        double[] g = new double[3];
        double[] s = new double[3];
        for (int j = 0; j < 3; j++) {
          g[j] = score(ref, data.patch(issuer, kind, Forgery.GENUINE, rng), kind);
          s[j] = score(ref, data.patch(issuer, kind, Forgery.SKILLED, rng), kind);
          genuineSum += g[j];
          skilledSum += s[j];
        }
        for (double a : g) {
          for (double b : s) {
            wins += a > b ? 1 : 0;
            pairs++;
          }
        }
      }
      assertThat((double) wins / pairs).as(kind.label() + " genuine above skilled").isGreaterThan(0.75);
      assertThat(genuineSum / 12).as(kind.label()).isGreaterThan(skilledSum / 12 + 15);
    }
  }

  @Test
  void anotherIssuersStampScoresLow() {
    float[][] ref = reference(issuers.get(0), Kind.STAMP);
    SyntheticData.Patch other = data.patch(issuers.get(2), Kind.STAMP, Forgery.GENUINE, new Random(9));
    assertThat(score(ref, other, Kind.STAMP)).isLessThan(20);
  }

  @Test
  void badInputGivesClearErrors() {
    BufferedImage blank = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 300, 300);
    g.dispose();
    assertThatThrownBy(() -> classical.reference(blank, Kind.STAMP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ink");
    float[][] ref = reference(issuers.get(0), Kind.STAMP);
    // a vector of another method (or a damaged file) is refused, not misread
    float[] unitVector = new float[64];
    java.util.Arrays.fill(unitVector, 0.125f);
    assertThatThrownBy(() -> classical.similarity(unitVector, ref, Kind.STAMP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ink map");
    assertThatThrownBy(() -> classical.query(blank, new Box(10, 10, 50, 50), Kind.SIGNATURE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shippedModelHasEveryPartAndSurvivesAPropertiesRoundTrip() {
    ClassicalModel m = ClassicalModel.shipped();
    java.util.Properties p = new java.util.Properties();
    m.toProperties(p);
    ClassicalModel back = ClassicalModel.fromProperties(p);
    double[] x = new double[InkAlignment.FEATURES.length];
    for (String part : ClassicalModel.parts()) {
      assertThat(p.getProperty(part + ".bias")).isNotNull();
    }
    for (String part : ClassicalModel.parts()) {
      assertThat(back.of(part).probability(x)).isCloseTo(m.of(part).probability(x), org.assertj.core.data.Offset.offset(1e-4));
    }
    p.remove("stamp.text.bias");
    assertThatThrownBy(() -> ClassicalModel.fromProperties(p)).hasMessageContaining("stamp.text.bias");
  }

  @Test
  void fitSeparatesASeparableSample() {
    Random rng = new Random(1);
    List<ClassicalTrainer.Sample> samples = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean genuine = i % 2 == 0;
      double[] x = new double[InkAlignment.FEATURES.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = rng.nextGaussian();
      }
      x[1] += genuine ? -2 : 2;
      samples.add(new ClassicalTrainer.Sample(Kind.STAMP, false, genuine ? Forgery.GENUINE : Forgery.SKILLED, x, i));
    }
    ClassicalModel.Logistic l = ClassicalTrainer.fit(samples, 1.0);
    assertThat(l.weight()[1]).isLessThan(-1);
    double[] typicalGenuine = l.mean().clone();
    typicalGenuine[1] -= 2;
    assertThat(l.probability(typicalGenuine)).isGreaterThan(0.9);
  }
}
