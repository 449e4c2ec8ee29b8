package org.riskgate.documents.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Detection;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;

class InkDetectorTest {

  private final InkDetector detector = new InkDetector();

  /**
   * Validation pages (as {@code docs evaluate} makes them) whose items a lighter scan hid from
   * the detector before its contrast was stretched: a blue stamp called a signature, a signature
   * called a stamp, a red stamp broken into pieces.
   */
  @Test
  void findsTheItemsOfALighterScan() {
    SyntheticData data = new SyntheticData(7, 60);
    List<Issuer> issuers = data.issuers(Issuer.Split.VALIDATION);
    for (int task : new int[] {206, 216, 122}) {
      int j = task % 24;
      PageSample page = data.page(issuers.get(task / 24), Forgery.values()[j % 3], Forgery.values()[(j + 1 + j / 3) % 3],
          new Random(7 * 7919 + 1_000_003L + task));
      SyntheticData.lighten(page, 80);
      List<Detection> dets = detector.detect(page.image());
      for (Truth t : page.truths()) {
        assertThat(dets).as("page %d, %s", task, t.kind()).anyMatch(d -> d.kind() == t.kind() && d.box().iou(t.box()) >= 0.5);
      }
    }
  }

  @Test
  void findsStampsAndSignaturesOnGeneratedPages() {
    SyntheticData data = new SyntheticData(11, 10);
    int found = 0;
    int total = 0;
    int falsePositives = 0;
    for (int i = 0; i < 6; i++) {
      Issuer issuer = data.issuers().get(i);
      PageSample page = data.page(issuer, Forgery.values()[i % 3], Forgery.GENUINE, new Random(100 + i));
      List<Detection> dets = detector.detect(page.image());
      for (Truth t : page.truths()) {
        total++;
        if (dets.stream().anyMatch(d -> d.kind() == t.kind() && d.box().iou(t.box()) >= 0.5)) {
          found++;
        }
      }
      falsePositives += (int) dets.stream()
          .filter(d -> page.truths().stream().noneMatch(t -> t.kind() == d.kind() && d.box().iou(t.box()) >= 0.5)).count();
    }
    assertThat(total).isEqualTo(12);
    assertThat(found).isGreaterThanOrEqualTo(11);
    assertThat(falsePositives).isLessThanOrEqualTo(2);
  }

  /** A piece's mean colour, as the detector sums it: {@code ink} laid with {@code cover} on paper of luma 245. */
  private static long[] piece(int ink, double cover) {
    int n = 100;
    long r = Math.round((245 * (1 - cover) + ((ink >> 16) & 255) * cover) * n);
    long g = Math.round((245 * (1 - cover) + ((ink >> 8) & 255) * cover) * n);
    long b = Math.round((245 * (1 - cover) + (ink & 255) * cover) * n);
    return new long[] {0, 0, 0, 0, 1, r, g, b, n};
  }

  @Test
  void tellsANavySignatureFromTheBlueOrVioletStampItTouches() {
    long[] navy = piece(0x1c2550, 0.6);
    assertThat(InkDetector.sameInk(navy, piece(0x1c2550, 0.95), 245)).isTrue();
    assertThat(InkDetector.sameInk(piece(0xc0262d, 0.4), piece(0xc0262d, 0.9), 245)).as("light and full red").isTrue();
    assertThat(InkDetector.sameInk(navy, piece(0x2346b8, 0.8), 245)).as("navy against blue").isFalse();
    assertThat(InkDetector.sameInk(navy, piece(0x6b3fa0, 0.8), 245)).as("navy against violet").isFalse();
    assertThat(InkDetector.sameInk(navy, piece(0xc0262d, 0.8), 245)).as("navy against red").isFalse();
  }

  @Test
  void printedTextAloneYieldsNoRegions() {
    BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1240, 1754);
    g.setColor(Color.BLACK);
    g.setFont(new Font("Serif", Font.PLAIN, 22));
    for (int y = 100; y < 1600; y += 32) {
      g.drawString("Consignee: cotton yarn, steel bolts, HS 5205.11, net weight 1200 kg, FOB Busan", 100, y);
    }
    g.drawLine(100, 900, 1140, 900);
    g.dispose();
    assertThat(detector.detect(page)).isEmpty();
  }

  @Test
  void blankPageIsATypedError() {
    BufferedImage page = new BufferedImage(800, 1000, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(new Color(0xf5f5f0));
    g.fillRect(0, 0, 800, 1000);
    g.dispose();
    assertThatThrownBy(() -> detector.detect(page)).isInstanceOf(DocumentInputException.EmptyPage.class);
    assertThatThrownBy(() -> detector.detect(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)))
        .isInstanceOf(DocumentInputException.EmptyPage.class);
  }
}
