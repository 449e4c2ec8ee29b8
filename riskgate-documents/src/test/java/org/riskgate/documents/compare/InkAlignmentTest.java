package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Kind;

/** The measures on drawn ink maps, where the right answer is known. */
class InkAlignmentTest {

  private static final int S = 200;

  private static double feature(double[] x, String name) {
    return x[Arrays.asList(InkAlignment.FEATURES).indexOf(name)];
  }

  /** Two rings, as a stamp's frame. */
  private static float[] rings() {
    float[] v = new float[S * S];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double r = Math.hypot(x - S / 2.0, y - S / 2.0);
        if (Math.abs(r - 85) < 3 || Math.abs(r - 60) < 2) {
          v[y * S + x] = 1;
        }
      }
    }
    return v;
  }

  private static InkAlignment.Ink ink(float[] v) {
    return new InkAlignment.Ink(v, S, S, true);
  }

  @Test
  void printedTextInRowsIsNotExcessButACompactAddedEmblemIs() {
    InkAlignment.Ink ref = ink(rings());
    float[] text = rings();
    // lines of "letters" right across the box, as the declaration under a stamp
    for (int y = 20; y < S; y += 46) {
      for (int x = 0; x < S; x++) {
        for (int dy = 0; dy < 14; dy++) {
          if (x % 9 < 5) {
            text[(y + dy) * S + x] = 1;
          }
        }
      }
    }
    float[] emblem = rings();
    // a filled square where the reference has nothing: an added emblem
    for (int y = 80; y < 120; y++) {
      for (int x = 80; x < 120; x++) {
        emblem[y * S + x] = 1;
      }
    }
    double[] same = InkAlignment.features(ref, ink(rings()), Kind.STAMP);
    double[] withText = InkAlignment.features(ref, ink(text), Kind.STAMP);
    double[] withEmblem = InkAlignment.features(ref, ink(emblem), Kind.STAMP);
    assertThat(feature(same, "extra_far")).isLessThan(0.01);
    assertThat(feature(withText, "extra_far")).isGreaterThan(0.2);
    assertThat(feature(withEmblem, "extra_row_excess")).isGreaterThan(2 * feature(withText, "extra_row_excess"));
    assertThat(feature(withEmblem, "extra_row_excess")).isGreaterThan(0.2);
  }

  @Test
  void missingInkIsMissingNotExtra() {
    InkAlignment.Ink ref = ink(rings());
    float[] half = rings();
    // the left third did not take ink
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S / 3; x++) {
        half[y * S + x] = 0;
      }
    }
    double[] x = InkAlignment.features(ref, ink(half), Kind.STAMP);
    assertThat(feature(x, "missing_far")).isGreaterThan(0.15);
    assertThat(feature(x, "extra_far")).isLessThan(0.02);
  }
}
