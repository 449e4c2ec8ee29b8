package org.riskgate.profiles.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.riskgate.profiles.Fixtures.decl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.Fixtures;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.selectivity.rules.RuleBook;
import org.riskgate.selectivity.rules.Rules;

class GroupFinderTest {
  static final LocalDate FROM = LocalDate.of(2021, 1, 1);
  static final LocalDate TO = LocalDate.of(2021, 1, 31);

  /** 4000 declarations at a 20 % fraud rate, except a planted group (hs 0808.. from US) at 60 %. */
  static List<Declaration> planted() {
    SplittableRandom r = new SplittableRandom(7);
    String[] hs = {"080810", "850440", "610910", "940360"};
    String[] origins = {"US", "CN", "VN", "DE"};
    List<Declaration> out = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      String h = hs[r.nextInt(4)];
      String o = origins[r.nextInt(4)];
      boolean planted = h.equals("080810") && o.equals("US");
      boolean fraud = r.nextDouble() < (planted ? 0.6 : 0.2);
      out.add(decl("d" + i, FROM.plusDays(r.nextInt(31)), "I" + r.nextInt(300), "D" + r.nextInt(20),
          "", h, o, 100, fraud));
    }
    return out;
  }

  @Test
  void findsThePlantedGroupWithItsFigures() {
    List<Declaration> data = planted();
    GroupQuery q = new GroupQuery(FROM, TO, List.of(Dimension.HS4, Dimension.ORIGIN,
        Dimension.OFFICE), 2, 30, 0.05, 10, 3);
    GroupReport rep = GroupFinder.find(data, q, Optional.empty());
    assertThat(rep.measuredByFraud()).isTrue();
    assertThat(rep.declarations()).isEqualTo(4000);
    RiskGroup best = rep.groups().get(0);
    assertThat(best.label()).isEqualTo("hs4=0808, origin=US");
    List<Declaration> members = data.stream()
        .filter(d -> d.hs6().startsWith("0808") && d.originCountry().equals("US")).toList();
    long frauds = members.stream().filter(Declaration::isFraud).count();
    assertThat(best.size()).isEqualTo(members.size());
    assertThat(best.rate()).isEqualTo(frauds / (double) members.size());
    assertThat(best.low()).isLessThan(best.rate()).isGreaterThan(rep.overallRate());
    assertThat(best.high()).isGreaterThan(best.rate());
    assertThat(best.qValue()).isLessThan(1e-6);
    assertThat(best.lift()).isEqualTo(best.rate() / rep.overallRate());
    assertThat(best.examples()).hasSize(3).allSatisfy(id -> assertThat(
        members.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().isFraud()).isTrue());
    // every reported group is a real outlier: nothing made only of the 20 % background
    assertThat(rep.groups()).allSatisfy(g -> assertThat(g.label()).containsAnyOf("0808", "US"));
  }

  @Test
  void noGroupStandsOutInPureNoise() {
    SplittableRandom r = new SplittableRandom(11);
    List<Declaration> data = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      data.add(decl("n" + i, FROM.plusDays(r.nextInt(31)), "I" + r.nextInt(100), "D", "",
          "0" + (1 + r.nextInt(9)) + "0101", "C" + r.nextInt(5), 1, r.nextDouble() < 0.2));
    }
    GroupReport rep = GroupFinder.find(data, GroupQuery.of(FROM, TO), Optional.empty());
    assertThat(rep.tested()).isGreaterThan(50);
    assertThat(rep.groups()).isEmpty();
  }

  @Test
  void aGroupBecomesARuleThatSelectsExactlyItsMembers() {
    List<Declaration> data = planted();
    GroupQuery q = new GroupQuery(FROM, TO, List.of(Dimension.HS4, Dimension.ORIGIN,
        Dimension.IMPORTER_SEGMENT), 2, 30, 0.05, 10, 3);
    RiskGroup best = GroupFinder.find(data, q, Optional.empty()).groups().get(0);
    String text = best.toRule("analyst \"one\"", TO.plusDays(1), TO.plusDays(90), 0.2);
    RuleBook book = Rules.parse(text, "group");
    assertThat(book.rules()).hasSize(1);
    assertThat(book.rules().get(0).owner()).isEqualTo("analyst \"one\"");
    assertThat(book.rules().get(0).scoreDelta()).isEqualTo(0.2);
    // shift the period into the rule's validity and check it selects the group's members
    ProfileStore store = ProfileStore.build(data, ProfileConfig.defaults());
    long selected = data.stream().filter(d -> !book.apply(shift(d), 0, store.features(d))
        .hits().isEmpty()).count();
    assertThat(selected).isEqualTo(best.size());
  }

  @Test
  void importerSegmentRuleUsesTheProfileAttribute() {
    RiskGroup g = new RiskGroup(List.of(new Criterion(Dimension.IMPORTER_SEGMENT, "occasional"),
        new Criterion(Dimension.HS2, "08")), 50, 0.5, 0.2, 2.5, 0.36, 0.64, 1e-6, 1e-5, List.of());
    String rule = g.toRule("kim", FROM, TO, 0.1);
    assertThat(rule).contains("when importer.declarations >= 1 and importer.declarations < 10 "
        + "and hs2 = \"08\"");
    assertThat(Rules.parse(rule, "g").rules().get(0).id())
        .isEqualTo("group-importer_segment-occasional-hs2-08");
  }

  @Test
  void withoutLabelsTheMeanScoreIsSearched() {
    List<Declaration> data = new ArrayList<>();
    for (Declaration d : planted()) {
      data.add(new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(),
          d.importUse(), d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(),
          d.sellerId(), d.courierId(), d.hsCode(), d.departureCountry(), d.originCountry(),
          d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(), d.itemPrice(),
          Optional.empty(), d.revenue(), d.description()));
    }
    assertThatThrownBy(() -> GroupFinder.find(data, GroupQuery.of(FROM, TO), Optional.empty()))
        .hasMessageContaining("no labelled declaration");
    GroupReport rep = GroupFinder.find(data, GroupQuery.of(FROM, TO),
        Optional.of(d -> d.originCountry().equals("VN") ? 0.9 : 0.1));
    assertThat(rep.measuredByFraud()).isFalse();
    // the fixture's departure is its origin, so both single criteria tie; no pair adds anything
    assertThat(rep.groups()).extracting(RiskGroup::label).containsExactly("departure=VN", "origin=VN");
    assertThat(rep.groups().get(0).rate()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void publicDataMonthHasSignificantGroups() {
    List<Declaration> year = Fixtures.publicFile("df_syn_train_eng.csv");
    GroupReport rep = GroupFinder.find(year, GroupQuery.of(LocalDate.of(2020, 12, 1),
        LocalDate.of(2020, 12, 31)), Optional.empty());
    assertThat(rep.declarations()).isGreaterThan(2000);
    assertThat(rep.groups()).isNotEmpty();
    assertThat(rep.groups()).allSatisfy(g -> {
      assertThat(g.qValue()).isLessThanOrEqualTo(0.05);
      assertThat(g.rate()).isGreaterThan(rep.overallRate());
    });
  }

  private static Declaration shift(Declaration d) {
    return new Declaration(d.id(), d.date().plusDays(31), d.officeId(), d.processType(),
        d.importType(), d.importUse(), d.paymentType(), d.transportMode(), d.declarantId(),
        d.importerId(), d.sellerId(), d.courierId(), d.hsCode(), d.departureCountry(),
        d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice(), d.outcome(), d.revenue(), d.description());
  }
}
