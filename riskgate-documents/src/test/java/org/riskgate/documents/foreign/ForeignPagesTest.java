package org.riskgate.documents.foreign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Kind;

/** The second generator's pages carry what their truth says (CI installs fonts-freefont-ttf). */
class ForeignPagesTest {

  @Test
  void pagesAreA4AtTheAskedResolutionWithBothItemsInside() {
    ForeignPages gen = new ForeignPages(2026, 4);
    for (int dpi : new int[] {150, 300}) {
      ForeignPages.Page p = gen.page(gen.issuers().get(1), ForeignPages.Provenance.GENUINE, ForeignPages.Provenance.IMITATION, dpi,
          new Random(3));
      assertThat(p.image().getWidth()).isEqualTo((int) Math.round(210 * dpi / 25.4));
      assertThat(p.items()).extracting(ForeignPages.Item::kind).containsExactlyInAnyOrder(Kind.STAMP, Kind.SIGNATURE);
      for (ForeignPages.Item it : p.items()) {
        assertThat(it.box().x() + it.box().width()).isLessThanOrEqualTo(p.image().getWidth());
        assertThat(it.box().width()).as("%s at %d dpi", it.kind(), dpi).isGreaterThan(dpi / 10);
      }
    }
  }

  @Test
  void anImitatedStampChangesOneLetterAndTheFace() {
    ForeignPages.StampSpec s = new ForeignPages(2026, 4).issuers().getFirst().stamp();
    ForeignPages.StampSpec f = ForeignPages.imitate(s, new Random(1));
    assertThat(f.fontFile()).isNotEqualTo(s.fontFile());
    int diff = 0;
    for (int i = 0; i < s.ring().length(); i++) {
      diff += s.ring().charAt(i) != f.ring().charAt(i) ? 1 : 0;
    }
    assertThat(diff).isEqualTo(1);
  }
}
