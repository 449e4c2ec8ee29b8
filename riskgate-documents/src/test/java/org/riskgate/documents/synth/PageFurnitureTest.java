package org.riskgate.documents.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.image.Rasters;

class PageFurnitureTest {

  @Test
  void furnitureIsPrintedAtRandomAndOftenInTheStampsColours() {
    int coloured = 0;
    int[] inked = new int[10];
    for (int seed = 0; seed < 10; seed++) {
      BufferedImage page = new BufferedImage(SyntheticData.PAGE_WIDTH, SyntheticData.PAGE_HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = page.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, page.getWidth(), page.getHeight());
      PageFurniture f = new PageFurniture(new Random(seed), page.getWidth(), page.getHeight(), 200);
      f.header(g);
      f.tableHead(g, 1000);
      f.table(g, 1000, 1700, 58);
      f.body(g, 1750, 2400);
      f.signingZone(g, 1480, 3000);
      g.dispose();
      int[] px = Rasters.pixels(page);
      inked[seed] = (int) Arrays.stream(px).filter(p -> Rasters.luma(p) < 200).count();
      if (Arrays.stream(px).filter(p -> Rasters.chroma(p) > 60).count() > 2000) {
        coloured++;
      }
    }
    // every page gets some furniture, and not the same: the draws differ per seed
    assertThat(Arrays.stream(inked).min().orElseThrow()).isGreaterThan(1000);
    assertThat(Arrays.stream(inked).distinct().count()).isEqualTo(10);
    assertThat(coloured).isBetween(4, 9);
  }
}
