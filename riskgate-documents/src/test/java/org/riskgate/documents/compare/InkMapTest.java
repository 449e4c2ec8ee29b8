package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Box;

class InkMapTest {

  /** Where the stamp lies: the middle third of the page's width, over both lines of text and below them. */
  private static final Box STAMP_BOX = new Box(200, 10, 200, 180);

  /**
   * Paper with two lines of printed text across its width in the top half and a black stamp's
   * ink (a pad's, lighter than toner) in the middle of its bottom half, then passed through a
   * scanner's or copier's tone curve.
   */
  private static BufferedImage page(IntUnaryOperator tone) {
    BufferedImage img = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0xfafaf7));
    g.fillRect(0, 0, 600, 200);
    g.setColor(new Color(0x1a1a1a));
    g.setFont(new Font("Serif", Font.PLAIN, 28));
    g.drawString("Declaration of origin: the goods as invoiced", 10, 40);
    g.drawString("were produced in the country named above", 10, 80);
    // 0x303030 pressed at 75 %, multiplied onto the paper
    int pad = (int) (0xfa * (1 - 0.75 * (1 - 0x30 / 255.0)));
    g.setColor(new Color(pad, pad, pad));
    g.fillRect(220, 120, 160, 12);
    g.fillOval(275, 140, 50, 50);
    g.dispose();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int v = Math.clamp(tone.applyAsInt(img.getRGB(x, y) & 255), 0, 255);
        img.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    return img;
  }

  /** Share of the marked pixels among the dark ones of the stamp box in rows y0..y1 (the map starts 8 pixels before the box). */
  private static double tonerShare(InkMap.Raw toner, BufferedImage img, int y0, int y1) {
    int dark = 0;
    int marked = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = STAMP_BOX.x(); x < STAMP_BOX.x() + STAMP_BOX.width(); x++) {
        if ((img.getRGB(x, y) & 255) < 200) {
          dark++;
          marked += toner.ink()[(y - STAMP_BOX.y() + 8) * toner.width() + x - STAMP_BOX.x() + 8] > 0 ? 1 : 0;
        }
      }
    }
    return (double) marked / dark;
  }

  private static void assertTonerIsTheTextNotTheStamp(String scan, IntUnaryOperator tone) {
    BufferedImage img = page(tone);
    InkMap.Raw toner = InkMap.toner(img, STAMP_BOX);
    assertThat(toner.width()).isEqualTo(STAMP_BOX.width() + 16);
    assertThat(tonerShare(toner, img, 10, 100)).as("text, " + scan).isGreaterThan(0.5);
    assertThat(tonerShare(toner, img, 110, 190)).as("stamp, " + scan).isLessThan(0.02);
  }

  @Test
  void tonerIsTheTextNotTheStampPadsInk() {
    assertTonerIsTheTextNotTheStamp("as printed", l -> l);
  }

  @Test
  void onAPhotocopyOnlyTheBlackestIsToner() {
    assertTonerIsTheTextNotTheStamp("photocopy", l -> (int) ((l - 60) * 1.45));
  }

  /** A scanner set lighter lifts the text well above the luma 40 a fixed limit would use; the limit follows the page's own print. */
  @Test
  void onALightScanTheLimitFollowsThePrint() {
    assertTonerIsTheTextNotTheStamp("light scan", l -> 90 + l * 165 / 255);
    assertThat(InkMap.print(page(l -> 90 + l * 165 / 255), STAMP_BOX).orElseThrow().tonerLimit()).isGreaterThan(90);
  }

  @Test
  void withoutPrintOutsideTheBoxNothingIsMarked() {
    BufferedImage img = page(l -> l);
    Box whole = new Box(0, 0, 600, 200);
    assertThat(InkMap.print(img, whole)).isEmpty();
    float[] toner = InkMap.toner(img, whole).ink();
    assertThat(toner).containsOnly(0f);
  }
}
