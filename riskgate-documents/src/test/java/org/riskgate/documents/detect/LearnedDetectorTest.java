package org.riskgate.documents.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.Detection;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

/** The shipped detector weights: they load, give the same calls from a copy, and find the items at any resolution. */
class LearnedDetectorTest {

  @TempDir Path dir;

  private static byte[] shippedBytes() throws IOException {
    try (InputStream in = LearnedDetector.class.getResourceAsStream(CellNetwork.RESOURCE)) {
      assertThat(in).as("shipped weights").isNotNull();
      return in.readAllBytes();
    }
  }

  private static PageSample page(int dpi) {
    SyntheticData data = new SyntheticData(7, 20);
    Issuer issuer = data.issuers(Issuer.Split.TEST).getFirst();
    return data.page(issuer, Forgery.GENUINE, Forgery.OTHER, new Random(5), dpi);
  }

  @Test
  void findsTheStampAndTheSignatureAt150And600Dpi() {
    for (int dpi : new int[] {150, 600}) {
      PageSample p = page(dpi);
      List<Detection> found = DetectionCheck.detect(LearnedDetector.shipped(), p);
      assertThat(p.truths()).hasSize(2);
      for (Truth t : p.truths()) {
        assertThat(found).as("%s at %d dpi in %s", t.kind(), dpi, found)
            .anyMatch(d -> d.kind() == t.kind() && d.box().iou(t.box()) >= 0.5);
      }
      assertThat(found).as("false positives at %d dpi", dpi).hasSize(2);
    }
  }

  @Test
  void weightsLoadedFromACopyGiveTheSameCalls() throws IOException {
    BufferedImage work = page(300).image();
    InkPlanes planes = InkPlanes.of(work);
    try (LearnedDetector copy = new LearnedDetector(shippedBytes())) {
      LearnedDetector.Cells a = LearnedDetector.shipped().cells(planes);
      LearnedDetector.Cells b = copy.cells(planes);
      assertThat(b.width()).isEqualTo(a.width());
      assertThat(b.p()).containsExactly(a.p(), org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(copy.detect(work)).isEqualTo(LearnedDetector.shipped().detect(work));
    }
  }

  @Test
  void refusesBlankPagesAndUnreadableWeights() {
    BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
    g.dispose();
    assertThatThrownBy(() -> LearnedDetector.shipped().detect(blank)).isInstanceOf(DocumentInputException.EmptyPage.class);
    assertThatThrownBy(() -> LearnedDetector.shipped().detect(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB)))
        .isInstanceOf(DocumentInputException.EmptyPage.class);
    assertThatThrownBy(() -> new LearnedDetector(new byte[] {1, 2, 3})).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("detector weights");
  }

  /** A smoke run of the trainer (3 pages, 2 steps): it writes weights that load and a provenance that says how they were made. */
  @Test
  void trainerWritesLoadableWeightsWithProvenance() throws IOException {
    byte[] w = new DetectorTrainer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .train(new DetectorTrainer.Config(7, 5, 1, 2, 2, 1e-3f, 0), dir);
    assertThat(Files.readAllBytes(dir.resolve("detector.params"))).isEqualTo(w);
    String prov = Files.readString(dir.resolve("detector-provenance.properties"));
    assertThat(prov).contains("train_pages=3", "steps=2", "riskgate docs train-detector", "PyTorch");
    try (LearnedDetector d = new LearnedDetector(w)) {
      LearnedDetector.Cells c = d.cells(InkPlanes.of(page(300).image()));
      for (int i = 0; i < c.width() * c.height(); i += 97) {
        float sum = c.probability(0, i % c.width(), i / c.width()) + c.probability(1, i % c.width(), i / c.width())
            + c.probability(2, i % c.width(), i / c.width());
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }

  @Test
  void cellsAreLabelledByTheSmallestItemBoxHoldingThem() {
    Truth stamp = new Truth(org.riskgate.documents.Kind.STAMP, new org.riskgate.documents.Box(100, 100, 400, 400), Forgery.GENUINE, "A");
    Truth sig = new Truth(org.riskgate.documents.Kind.SIGNATURE, new org.riskgate.documents.Box(300, 300, 500, 100), Forgery.GENUINE, "A");
    assertThat(DetectorTrainer.label(List.of(stamp, sig), 150, 150)).isEqualTo(1);
    assertThat(DetectorTrainer.label(List.of(stamp, sig), 350, 350)).isEqualTo(2);
    assertThat(DetectorTrainer.label(List.of(stamp, sig), 700, 350)).isEqualTo(2);
    assertThat(DetectorTrainer.label(List.of(stamp, sig), 50, 50)).isEqualTo(0);
  }
}
