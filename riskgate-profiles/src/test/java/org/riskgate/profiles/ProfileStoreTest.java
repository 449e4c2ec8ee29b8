package org.riskgate.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.riskgate.profiles.Fixtures.decl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;

class ProfileStoreTest {
  static final LocalDate D = LocalDate.of(2021, 3, 1);

  @Test
  void countsRatesAndShrinkageAsOfADate() {
    List<Declaration> h = new ArrayList<>();
    // Importer A: 4 inspections, 3 frauds. Importer B: 1 inspection, 1 fraud. 5 clean others.
    for (int i = 0; i < 4; i++) {
      h.add(decl("a" + i, D.minusDays(10 + i), "A", "X", "", "080810", "US", 100, i < 3));
    }
    h.add(decl("b0", D.minusDays(5), "B", "X", "", "850440", "CN", 50, true));
    for (int i = 0; i < 5; i++) {
      h.add(decl("o" + i, D.minusDays(20), "O" + i, "Y", "", "850440", "CN", 10, false));
    }
    h.add(decl("future", D, "A", "X", "", "080810", "US", 1000, true));
    ProfileStore store = ProfileStore.build(h, new ProfileConfig(10, 180, 90, 3));
    double base = 4 / 10.0;
    assertThat(store.baseRate(D)).isEqualTo(base);

    PartyProfile a = store.profile(PartyRole.IMPORTER, "A", D).orElseThrow();
    assertThat(a.declarations()).isEqualTo(4);
    assertThat(a.frauds()).isEqualTo(3);
    assertThat(a.rawHitRate().getAsDouble()).isEqualTo(0.75);
    assertThat(a.hitRate()).isCloseTo((3 + 10 * base) / (4 + 10), within(1e-12));
    assertThat(a.totalValue()).isEqualTo(400);
    assertThat(a.firstSeen()).isEqualTo(D.minusDays(13));
    assertThat(a.lastSeen()).isEqualTo(D.minusDays(10));
    assertThat(a.topHs()).containsExactly(new Share("080810", 4, 1.0));
    // the risk score decays old evidence, so it lies between the base rate and the raw rate
    assertThat(a.riskScore()).isBetween(base, 0.75);

    PartyProfile b = store.profile(PartyRole.IMPORTER, "B", D).orElseThrow();
    // one fraud in one inspection is weaker evidence than three in four
    assertThat(b.rawHitRate().getAsDouble()).isEqualTo(1.0);
    assertThat(b.hitRate()).isLessThan(a.hitRate());

    PartyProfile x = store.profile(PartyRole.DECLARANT, "X", D).orElseThrow();
    assertThat(x.declarations()).isEqualTo(5);
    assertThat(store.rolesOf("X")).containsExactly(PartyRole.DECLARANT);
    assertThat(store.profile(PartyRole.IMPORTER, "A", D.minusDays(13))).isEmpty();
    assertThat(store.profile(PartyRole.IMPORTER, "nobody", D)).isEmpty();
  }

  @Test
  void featuresForUnknownAndBlankPartiesFallBackToTheBaseRate() {
    List<Declaration> h = List.of(
        decl("1", D.minusDays(3), "A", "X", "", "080810", "US", 100, true),
        decl("2", D.minusDays(2), "A", "X", "", "080810", "US", 100, false));
    ProfileStore store = ProfileStore.build(h, ProfileConfig.defaults());
    Map<String, Double> f = store.features(decl("3", D, "NEW", "X", "", "080810", "US", 1, null));
    assertThat(f).hasSize(4 * ProfileStore.FIGURES.size());
    assertThat(f.get("importer.declarations")).isZero();
    assertThat(f.get("importer.hit_rate")).isEqualTo(0.5);
    assertThat(f.get("seller.hit_rate")).isEqualTo(0.5);
    assertThat(f.get("declarant.declarations")).isEqualTo(2.0);
    assertThat(f.get("declarant.days_known")).isEqualTo(3.0);
  }

  @Test
  void empiricalBayesPriorIsWeakWhenPartiesDifferAndMaximalWhenTheyDoNot() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    List<Declaration> differ = new ArrayList<>();
    List<Declaration> alike = new ArrayList<>();
    for (int p = 0; p < 200; p++) {
      // true rates spread as Beta(2, 6): variance 0.0208, so the prior is worth 2 + 6 = 8
      double rate = beta26(r);
      for (int i = 0; i < 40; i++) {
        differ.add(decl("d" + p + "-" + i, D.minusDays(1 + i), "P" + p, "X", "", "080810", "US",
            1, r.nextDouble() < rate));
        alike.add(decl("a" + p + "-" + i, D.minusDays(1 + i), "P" + p, "X", "", "080810", "US",
            1, r.nextDouble() < 0.25));
      }
    }
    double m = ProfileStore.build(differ, ProfileConfig.defaults())
        .empiricalPriorStrength(PartyRole.IMPORTER, D, 5).orElseThrow();
    assertThat(m).isBetween(4.0, 16.0);
    double none = ProfileStore.build(alike, ProfileConfig.defaults())
        .empiricalPriorStrength(PartyRole.IMPORTER, D, 5).orElseThrow();
    assertThat(none).isGreaterThan(100.0);
    assertThat(ProfileStore.build(differ.subList(0, 40), ProfileConfig.defaults())
        .empiricalPriorStrength(PartyRole.IMPORTER, D, 5)).isEmpty();
  }

  /** A Beta(2, 6) draw: the second smallest of 7 uniforms. */
  private static double beta26(java.util.SplittableRandom r) {
    double[] u = new double[7];
    for (int i = 0; i < 7; i++) {
      u[i] = r.nextDouble();
    }
    java.util.Arrays.sort(u);
    return u[1];
  }

  /**
   * The leak test: for every declaration of the public 2020 file, the features computed from the
   * full year equal those computed from a store that never saw anything on or after its date, even
   * after every later outcome is flipped.
   */
  @Test
  void noFutureDataLeaksIntoFeaturesOrProfiles() {
    List<Declaration> year = Fixtures.publicFile("df_syn_train_eng.csv");
    LocalDate cut = LocalDate.of(2020, 7, 1);
    List<Declaration> past = year.stream().filter(d -> d.date().isBefore(cut)).toList();
    // the future with every outcome flipped: a leak would change the figures
    List<Declaration> flipped = new ArrayList<>(past);
    for (Declaration d : year) {
      if (!d.date().isBefore(cut)) {
        boolean f = !d.isFraud();
        flipped.add(d.withOutcome(new InspectionOutcome(f, f ? 1 : 0)));
      }
    }
    ProfileStore full = ProfileStore.build(year, ProfileConfig.defaults());
    ProfileStore pastOnly = ProfileStore.build(past, ProfileConfig.defaults());
    ProfileStore other = ProfileStore.build(flipped, ProfileConfig.defaults());
    List<Declaration> july = year.stream().filter(d -> d.date().getMonthValue() == 7).toList();
    assertThat(july).hasSizeGreaterThan(1000);
    int compared = 0;
    for (Declaration d : july) {
      Map<String, Double> a = full.features(d, cut);
      assertThat(a).isEqualTo(pastOnly.features(d, cut)).isEqualTo(other.features(d, cut));
      compared++;
      for (PartyRole r : PartyRole.values()) {
        Optional<PartyProfile> p = full.profile(r, r.partyOf(d), cut);
        assertThat(p).isEqualTo(pastOnly.profile(r, r.partyOf(d), cut));
      }
    }
    assertThat(compared).isEqualTo(july.size());
    // and the features do change once the date moves past the flipped outcomes
    Declaration late = july.get(july.size() - 1);
    assertThat(full.features(late)).isNotEqualTo(other.features(late));
  }
}
