package org.riskgate.documents.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.TextCheck;
import org.riskgate.documents.foreign.ForeignPages;

/** Reading stamps with Tesseract and Debian's English data (CI installs tesseract-ocr-eng). */
class StampReaderTest {

  static StampReader reader;

  @BeforeAll
  static void open() {
    reader = StampReader.open();
    assertThat(reader.unavailable()).as("OCR must work where the tests run").isEmpty();
  }

  @AfterAll
  static void close() {
    reader.close();
  }

  @Test
  void editDistancesIgnoreWhereTheRingStarts() {
    assertThat(StampReader.distance("COMMERCE", "COMAERCE")).isEqualTo(1);
    assertThat(StampReader.distance("", "ABC")).isEqualTo(3);
    assertThat(StampReader.cyclicDistance("BOARDGORNORTEM", "GORNORTEMBOARD")).isZero();
    assertThat(StampReader.cyclicDistance("BOARDGORNORTEM", "GORNORTEMBOARX")).isEqualTo(1);
    assertThat(StampReader.letters("CHAMBER OF * COMMERCE.")).isEqualTo("CHAMBEROFCOMMERCE");
  }

  /** A registered round stamp's ring and a rectangular stamp's lines read as drawn (up to OCR noise). */
  @Test
  void readsRoundAndRectangularReferences() {
    ForeignPages gen = new ForeignPages(2026, 16);
    int round = 0;
    int rect = 0;
    for (ForeignPages.ForeignIssuer fi : gen.issuers()) {
      if (fi.stamp().round() ? round >= 2 : rect >= 2) {
        continue;
      }
      BufferedImage ref = gen.reference(fi, Kind.STAMP, new Random(1));
      StampReader.Registered r = reader.registered(ref);
      assertThat(r.round()).as(fi.id()).isEqualTo(fi.stamp().round());
      String want = StampReader.letters(fi.stamp().ring());
      String got = StampReader.letters(r.text());
      int edits = fi.stamp().round() ? StampReader.cyclicDistance(got, want) : StampReader.distance(got.substring(0, Math.min(got.length(), want.length())), want);
      assertThat(edits).as("%s read '%s' for '%s'", fi.id(), r.text(), fi.stamp().ring()).isLessThanOrEqualTo(2);
      if (fi.stamp().round()) {
        round++;
      } else {
        rect++;
      }
    }
    assertThat(round + rect).isEqualTo(4);
  }

  /** The same reference read as the page's stamp matches itself. */
  @Test
  void aReferenceMatchesItself() {
    ForeignPages gen = new ForeignPages(2026, 16);
    ForeignPages.ForeignIssuer fi = gen.issuers().stream().filter(i -> i.stamp().round()).findFirst().orElseThrow();
    BufferedImage ref = gen.reference(fi, Kind.STAMP, new Random(1));
    StampReader.Registered r = reader.registered(ref);
    TextCheck check = reader.check(ref, RingStrip.inkBounds(org.riskgate.documents.image.Rasters.toRgb(ref)), r);
    assertThat(check).isInstanceOf(TextCheck.Matches.class);
  }

  @Test
  void withoutLanguageDataTheReaderSaysWhy(@TempDir Path empty) {
    StampReader none = StampReader.open(List.of(empty));
    assertThat(none.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("eng.traineddata").contains(empty.toString()));
    TextCheck check = none.check(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), new Box(0, 0, 50, 50),
        new StampReader.Registered("CHAMBER OF COMMERCE", true));
    assertThat(check).isInstanceOf(TextCheck.OcrUnavailable.class);
  }
}
