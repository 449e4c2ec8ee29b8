package org.riskgate.documents.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.image.Rasters;

class SyntheticDataTest {

  @Test
  void sameSeedsGiveSamePixels() {
    PageSample a = new SyntheticData(3, 10).page(new SyntheticData(3, 10).issuers().get(2), Forgery.GENUINE, Forgery.SKILLED, new Random(5), 1240, 1754);
    SyntheticData d = new SyntheticData(3, 10);
    PageSample b = d.page(d.issuers().get(2), Forgery.GENUINE, Forgery.SKILLED, new Random(5), 1240, 1754);
    assertThat(Arrays.equals(Rasters.pixels(a.image()), Rasters.pixels(b.image()))).isTrue();
    assertThat(a.truths()).isEqualTo(b.truths());
  }

  @Test
  void splitsAreByIssuerAndDisjoint() {
    SyntheticData d = new SyntheticData(1, 60);
    assertThat(d.issuers(Issuer.Split.TRAIN)).hasSize(36);
    assertThat(d.issuers(Issuer.Split.VALIDATION)).hasSize(12);
    assertThat(d.issuers(Issuer.Split.TEST)).hasSize(12);
    Issuer t = d.issuers(Issuer.Split.TEST).getFirst();
    assertThat(d.otherThan(t, new Random(1)).split()).isEqualTo(Issuer.Split.TEST);
  }

  @Test
  void forgeriesAreLabelledWithTheirSource() {
    SyntheticData d = new SyntheticData(4, 10);
    Issuer issuer = d.issuers().getFirst();
    PageSample p = d.page(issuer, Forgery.OTHER, Forgery.SKILLED, new Random(9));
    Truth stamp = p.truths().stream().filter(t -> t.kind() == Kind.STAMP).findFirst().orElseThrow();
    Truth sig = p.truths().stream().filter(t -> t.kind() == Kind.SIGNATURE).findFirst().orElseThrow();
    assertThat(stamp.source()).isNotEqualTo(issuer.id());
    assertThat(sig.source()).isEqualTo(issuer.id());
    assertThat(sig.forgery()).isEqualTo(Forgery.SKILLED);
  }

  @Test
  void skilledStampImitationDiffersFromTheOriginal() {
    StampDesign s = new SyntheticData(5, 10).issuers().getFirst().stamp();
    StampDesign f = s.imitate(new Random(2));
    assertThat(f).isNotEqualTo(s);
    assertThat(f.shape()).isEqualTo(s.shape());
    assertThat(f.ink()).isEqualTo(s.ink());
  }

  @Test
  void aLighterScanMovesBlackPrintToTheBlackPointAndLeavesPaperWhite() {
    SyntheticData d = new SyntheticData(3, 10);
    PageSample page = d.page(d.issuers().get(1), Forgery.GENUINE, Forgery.GENUINE, new Random(8), 1240, 1754);
    int[] before = Rasters.pixels(page.image()).clone();
    SyntheticData.lighten(page, 80);
    int[] after = Rasters.pixels(page.image());
    int darkest = Arrays.stream(after).map(Rasters::luma).min().orElseThrow();
    assertThat(Arrays.stream(before).map(Rasters::luma).min().orElseThrow()).isLessThan(30);
    assertThat(darkest).isBetween(78, 100);
    assertThat(Arrays.stream(after).map(Rasters::luma).max().orElseThrow())
        .isGreaterThanOrEqualTo(Arrays.stream(before).map(Rasters::luma).max().orElseThrow() - 1);
  }

  @Test
  void unvariedPagesPrintNothingInColourBesideTheItems() {
    SyntheticData plain = new SyntheticData(3, 10);
    for (int i = 0; i < 2; i++) {
      PageSample p = plain.page(plain.issuers().get(i), Forgery.GENUINE, Forgery.GENUINE, new Random(i), 1240, 1754);
      assertThat(colouredOutsideItems(p)).as("plain page %d", i).isZero();
    }
  }

  /** Strongly coloured pixels more than 30 px away from every item's box. */
  private static int colouredOutsideItems(PageSample p) {
    int w = p.image().getWidth();
    int[] px = Rasters.pixels(p.image());
    int n = 0;
    for (int i = 0; i < px.length; i++) {
      int x = i % w;
      int y = i / w;
      boolean near = false;
      for (Truth t : p.truths()) {
        Box b = t.box();
        near |= x > b.x() - 30 && x < b.x() + b.width() + 30 && y > b.y() - 30 && y < b.y() + b.height() + 30;
      }
      if (!near && Rasters.chroma(px[i]) > 60) {
        n++;
      }
    }
    return n;
  }
}
