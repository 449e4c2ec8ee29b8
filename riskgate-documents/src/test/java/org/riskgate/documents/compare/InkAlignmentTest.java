package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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

  /** Lines of "letters" right across a box of side {@code side}, as the declaration under a stamp. */
  private static float[] printedText(int side) {
    float[] text = new float[side * side];
    for (int y = 20; y < side; y += 46) {
      for (int x = 0; x < side; x++) {
        for (int dy = 0; dy < 14 && y + dy < side; dy++) {
          if (x % 9 < 5) {
            text[(y + dy) * side + x] = 1;
          }
        }
      }
    }
    return text;
  }

  private static float[] printedText() {
    return printedText(S);
  }

  /** The map with its left third blank, as where a stamp did not take ink. */
  private static float[] leftThirdUninked(float[] v) {
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S / 3; x++) {
        v[y * S + x] = 0;
      }
    }
    return v;
  }

  private static float[] union(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(a[i], b[i]);
    }
    return out;
  }

  /** Pixels above the stroke level in the left or the right half of a prepared map. */
  private static int strokes(InkAlignment.Ink ink, boolean left) {
    int n = 0;
    for (int y = 0; y < ink.h(); y++) {
      for (int x = left ? 0 : ink.w() / 2; x < (left ? ink.w() / 2 : ink.w()); x++) {
        n += ink.v()[y * ink.w() + x] > 0.35f ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aLightlyPressedHalfOfAStampIsStillStrokesButPaperStaysPaper() {
    float[] v = rings();
    for (int i = 0; i < v.length; i++) {
      if (i % S < S / 2) {
        v[i] *= 0.3f;
      }
    }
    InkAlignment.Ink stamp = InkAlignment.prepare(new InkMap.Raw(v, S, S, true), null, Kind.STAMP);
    assertThat(strokes(stamp, true)).isGreaterThan(strokes(stamp, false) * 8 / 10);
    int paper = 0;
    for (float x : stamp.v()) {
      paper += x == 0 ? 1 : 0;
    }
    assertThat(paper).as("paper is not lifted into ink").isGreaterThan(stamp.v().length / 2);
    // a signature's pressure is its writer's, measured as it is
    InkAlignment.Ink signature = InkAlignment.prepare(new InkMap.Raw(v, S, S, true), null, Kind.SIGNATURE);
    assertThat(strokes(signature, true)).isLessThan(strokes(signature, false) / 10);
  }

  @Test
  void printedTextInRowsIsNotExcessButACompactAddedEmblemIs() {
    InkAlignment.Ink ref = ink(rings());
    float[] text = union(rings(), printedText());
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
  void printedTextMarkedAsTonerIsNeitherExtraNorCoversAMissingStroke() {
    InkAlignment.Ink ref = ink(rings());
    // the left third did not take ink, and the text runs over the whole box
    float[] page = union(leftThirdUninked(rings()), printedText());
    double[] blind = InkAlignment.features(ref, ink(page), Kind.STAMP);
    double[] told = InkAlignment.features(ref, new InkAlignment.Ink(page, S, S, true, printedText()), Kind.STAMP);
    assertThat(feature(blind, "extra_far")).isGreaterThan(0.2);
    assertThat(feature(told, "extra_far")).isLessThan(0.02);
    // the strokes that did not take are still missing where no text lies over them
    assertThat(feature(told, "missing_far")).isGreaterThan(0.15);
    // and the box still counts as one with text in it
    assertThat(feature(told, "outside")).isGreaterThan(0.1);
  }

  @Test
  void tonerSurvivesEncoding() {
    InkAlignment.Ink a = new InkAlignment.Ink(rings(), S, S, true, printedText());
    InkAlignment.Ink b = InkAlignment.Ink.decode(a.encode());
    assertThat(b.v()).isEqualTo(a.v());
    assertThat(b.toner()).isEqualTo(a.toner());
    assertThat(b.dark()).isTrue();
    assertThat(InkAlignment.Ink.decode(ink(rings()).encode()).toner()).isNull();
  }

  @Test
  void missingInkIsMissingNotExtra() {
    InkAlignment.Ink ref = ink(rings());
    float[] half = leftThirdUninked(rings());
    double[] x = InkAlignment.features(ref, ink(half), Kind.STAMP);
    assertThat(feature(x, "missing_far")).isGreaterThan(0.15);
    assertThat(feature(x, "extra_far")).isLessThan(0.02);
  }

  /**
   * A round stamp drawn at working resolution: two rings and {@code text} around the rim, put
   * down at {@code angle} degrees with ink grain (seeded by {@code grain}).
   */
  private static InkAlignment.Ink stamp(String text, double angle, long grain) {
    int side = 260;
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.translate(side / 2.0, side / 2.0);
    g.rotate(Math.toRadians(angle));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(4));
    g.draw(new Ellipse2D.Double(-120, -120, 240, 240));
    g.setStroke(new BasicStroke(2));
    g.draw(new Ellipse2D.Double(-80, -80, 160, 160));
    g.setFont(new Font("SansSerif", Font.BOLD, 22));
    for (int i = 0; i < text.length(); i++) {
      double t = 2 * Math.PI * i / text.length();
      var keep = g.getTransform();
      g.rotate(t);
      g.translate(0, -100);
      String ch = String.valueOf(text.charAt(i));
      g.drawString(ch, -g.getFontMetrics().stringWidth(ch) / 2f, 8);
      g.setTransform(keep);
    }
    g.dispose();
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    float[] v = new float[px.length];
    java.util.Random rng = new java.util.Random(grain);
    for (int i = 0; i < v.length; i++) {
      v[i] = (px[i] & 255) / 255f * (rng.nextFloat() < 0.2f ? 0.3f : 1f);
    }
    return new InkAlignment.Ink(v, side, side, false);
  }

  @Test
  void printedTextMarkedAsTonerIsLeftOutOfTheAlignment() {
    InkAlignment.Ink ref = stamp("CUSTOMS OFFICE BUSAN * ", 0, 1);
    InkAlignment.Ink put = stamp("CUSTOMS OFFICE BUSAN * ", 25, 2);
    float[] text = printedText(put.w());
    float[] page = union(put.v(), text);
    double[] blind = InkAlignment.features(ref, new InkAlignment.Ink(page, put.w(), put.h(), true), Kind.STAMP);
    double[] told = InkAlignment.features(ref, new InkAlignment.Ink(page, put.w(), put.h(), true, text), Kind.STAMP);
    // ECC fits the stamp's strokes, not the text's: it correlates as on a clean impression
    assertThat(feature(told, "ecc")).isGreaterThan(0.8).isGreaterThan(feature(blind, "ecc") + 0.15);
    assertThat(feature(told, "missing_far")).isLessThan(0.02);
    assertThat(feature(told, "extra_far")).isLessThan(0.02);
  }
}
