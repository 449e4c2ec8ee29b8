package org.riskgate.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;

/**
 * Live profiles, fed one event at a time, give the figures a store built at once over the final
 * history gives.
 */
class LiveProfilesTest {
  private static Declaration unlabelled(Declaration d) {
    return new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(), d.importUse(),
        d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
        d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice(), Optional.empty(), d.revenue(), d.description());
  }

  @Test
  void eventsAddUpToTheStoreBuiltAtOnce() {
    List<Declaration> all = new ArrayList<>(Fixtures.publicFile("df_syn_train_eng.csv"));
    all.addAll(Fixtures.publicFile("df_syn_valid_eng.csv"));
    Random random = new Random(7);
    java.util.Collections.shuffle(all, random);
    int split = all.size() * 2 / 3;
    // the base knows two thirds, some without their outcome yet; the rest arrives as events:
    // declarations with or without outcomes, then results, some of them corrected
    Map<String, Declaration> truth = new LinkedHashMap<>();
    List<Declaration> base = new ArrayList<>();
    for (int i = 0; i < split; i++) {
      Declaration d = all.get(i);
      base.add(i % 5 == 0 ? unlabelled(d) : d);
    }
    base.forEach(d -> truth.put(d.id(), d));
    LiveProfiles live = new LiveProfiles(base, ProfileConfig.defaults());
    for (int i = split; i < all.size(); i++) {
      Declaration d = i % 2 == 0 ? unlabelled(all.get(i)) : all.get(i);
      live.add(d);
      truth.put(d.id(), d);
    }
    for (int i = 0; i < all.size(); i += 3) {
      Declaration d = truth.get(all.get(i).id());
      InspectionOutcome next = random.nextBoolean() ? new InspectionOutcome(true, 1) : new InspectionOutcome(false, 0);
      live.relabel(d, d.outcome(), next);
      truth.put(d.id(), d.withOutcome(next));
    }
    ProfileStore whole = ProfileStore.build(new ArrayList<>(truth.values()), ProfileConfig.defaults());
    int compared = 0;
    for (int i = 0; i < all.size(); i += 151) {
      Declaration d = truth.get(all.get(i).id());
      Map<String, Double> want = whole.features(d);
      Map<String, Double> got = live.features(d);
      assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
      for (String k : want.keySet()) {
        assertThat(got.get(k)).as(d.id() + " " + k).isCloseTo(want.get(k), org.assertj.core.data.Offset.offset(1e-9));
      }
      LocalDate asOf = d.date().plusDays(30);
      for (PartyRole r : PartyRole.values()) {
        String id = r.partyOf(d);
        Optional<PartyProfile> w = whole.profile(r, id, asOf);
        Optional<PartyProfile> g = live.profile(r, id, asOf);
        assertThat(g.isPresent()).as(r + " " + id).isEqualTo(w.isPresent());
        if (w.isPresent()) {
          assertThat(g.get().declarations()).isEqualTo(w.get().declarations());
          assertThat(g.get().frauds()).isEqualTo(w.get().frauds());
          assertThat(g.get().inspected()).isEqualTo(w.get().inspected());
          assertThat(g.get().topHs()).isEqualTo(w.get().topHs());
          assertThat(g.get().hitRate()).isCloseTo(w.get().hitRate(), org.assertj.core.data.Offset.offset(1e-12));
          assertThat(g.get().riskScore()).isCloseTo(w.get().riskScore(), org.assertj.core.data.Offset.offset(1e-9));
          assertThat(g.get().hitRateTrend()).isCloseTo(w.get().hitRateTrend(), org.assertj.core.data.Offset.offset(1e-12));
        }
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(250);
    assertThat(live.baseRate(LocalDate.of(2021, 3, 1))).isEqualTo(whole.baseRate(LocalDate.of(2021, 3, 1)));
  }
}
