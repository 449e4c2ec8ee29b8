package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Box;

class InkMapTest {

  /** Paper with printed text in its top half and a black stamp's ink (a pad's, lighter than toner) in its bottom half. */
  private static BufferedImage page(boolean photocopy) {
    BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0xfafaf7));
    g.fillRect(0, 0, 300, 200);
    g.setColor(new Color(0x1a1a1a));
    g.setFont(new Font("Serif", Font.PLAIN, 28));
    g.drawString("Declaration of origin", 10, 40);
    g.drawString("goods as invoiced", 10, 80);
    // 0x303030 pressed at 75 %, multiplied onto the paper
    int pad = (int) (0xfa * (1 - 0.75 * (1 - 0x30 / 255.0)));
    g.setColor(new Color(pad, pad, pad));
    g.fillRect(20, 120, 260, 12);
    g.fillOval(120, 140, 50, 50);
    g.dispose();
    if (photocopy) {
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          int l = img.getRGB(x, y) & 255;
          int v = Math.clamp((int) ((l - 60) * 1.45), 0, 255);
          img.setRGB(x, y, (v << 16) | (v << 8) | v);
        }
      }
    }
    return img;
  }

  /** Share of the marked pixels among the dark ones in rows y0..y1 (the map has an 8-pixel margin, clipped here). */
  private static double tonerShare(InkMap.Raw toner, BufferedImage img, int y0, int y1) {
    int dark = 0;
    int marked = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 255) < 150) {
          dark++;
          marked += toner.ink()[y * toner.width() + x] > 0 ? 1 : 0;
        }
      }
    }
    return (double) marked / dark;
  }

  @Test
  void tonerIsTheTextNotTheStampPadsInkAlsoOnAPhotocopy() {
    for (boolean photocopy : new boolean[] {false, true}) {
      BufferedImage img = page(photocopy);
      InkMap.Raw toner = InkMap.toner(img, new Box(0, 0, 300, 200));
      assertThat(toner.width()).isEqualTo(300);
      assertThat(tonerShare(toner, img, 0, 100)).as("text, photocopy " + photocopy).isGreaterThan(0.5);
      assertThat(tonerShare(toner, img, 110, 200)).as("stamp, photocopy " + photocopy).isLessThan(0.02);
    }
  }
}
