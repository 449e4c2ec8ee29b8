package org.riskgate.profiles.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskgate.profiles.Fixtures.decl;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.profiles.Fixtures;
import org.riskgate.profiles.PartyRole;

class TraderNetworkTest {
  static final LocalDate D = LocalDate.of(2021, 6, 1);

  /** A (fraud) - X - B ; C - Y (clean, unlinked to fraud); ring declarant R with new importers. */
  static List<Declaration> small() {
    List<Declaration> h = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      h.add(decl("a" + i, D.minusDays(300 + i), "A", "X", "S1", "080810", "US", 10, true));
      h.add(decl("b" + i, D.minusDays(300 + i), "B", "X", "S1", "080810", "US", 10, false));
      h.add(decl("c" + i, D.minusDays(300 + i), "C", "Y", "S3", "080810", "US", 10, false));
    }
    for (int i = 0; i < 6; i++) {
      h.add(decl("r" + i, D.minusDays(10 + i), "NEW" + i, "R", "", "850440", "CN", 10, i < 5));
      h.add(decl("q" + i, D.minusDays(10 + i), "NEWQ" + i, "Q", "", "850440", "CN", 10, false));
    }
    h.add(decl("late", D, "C", "X", "S3", "080810", "US", 10, true));
    return h;
  }

  @Test
  void riskFlowsFromFraudAlongLinksOnly() {
    TraderNetwork net = TraderNetwork.build(small(), D, NetworkConfig.defaults());
    assertThat(net.nodeCount()).isEqualTo(3 + 2 + 2 + 12 + 2);
    PartyNode a = net.node(PartyRole.IMPORTER, "A").orElseThrow();
    PartyNode b = net.node(PartyRole.IMPORTER, "B").orElseThrow();
    PartyNode c = net.node(PartyRole.IMPORTER, "C").orElseThrow();
    assertThat(a.frauds()).isEqualTo(5);
    assertThat(a.pagerankRisk()).isGreaterThan(b.pagerankRisk());
    assertThat(b.pagerankRisk()).isGreaterThan(0);
    assertThat(c.pagerankRisk()).isZero();
    // B's neighbour X has A's frauds; C's neighbour Y has none
    assertThat(b.neighbourHitRate()).isGreaterThan(c.neighbourHitRate());
    // the late declaration (on the as-of day) is not in the network: C is not linked to X
    assertThat(c.degree()).isEqualTo(2);
    // the A-X-B cluster and the C-Y cluster are separate communities
    assertThat(a.community()).isEqualTo(b.community()).isNotEqualTo(c.community());
    assertThat(a.communityFraudRate()).isGreaterThan(c.communityFraudRate());
    // ranked by risk among parties with enough links; only declarants R and Q have 6
    List<String> ranked = net.topRisk(100, 2).stream().map(PartyNode::partyId).toList();
    assertThat(ranked.indexOf("A")).isLessThan(ranked.indexOf("B"));
    assertThat(ranked).doesNotContain("NEW0");
    assertThat(net.topRisk(10, 6)).extracting(PartyNode::partyId).containsExactly("R", "Q");
  }

  @Test
  void aroundWalksStrongestLinksFirstWithinTheLimit() {
    TraderNetwork net = TraderNetwork.build(small(), D, NetworkConfig.defaults());
    Neighbourhood one = net.around(PartyRole.IMPORTER, "A", 1, 10).orElseThrow();
    assertThat(one.centre().partyId()).isEqualTo("A");
    // A's links: declarant X and seller S1
    assertThat(one.nodes()).extracting(PartyNode::partyId).containsExactlyInAnyOrder("A", "X", "S1");
    assertThat(one.links()).allSatisfy(l -> assertThat(l.source()).isNotEqualTo(l.target()));
    assertThat(one.hidden()).isZero();
    Neighbourhood two = net.around(PartyRole.IMPORTER, "A", 2, 10).orElseThrow();
    // two hops reach B through X and S1; the C-Y cluster stays out
    assertThat(two.nodes()).extracting(PartyNode::partyId).contains("B").doesNotContain("C", "Y");
    // every link among the shown parties, each once: A-X, A-S1, B-X, B-S1
    assertThat(two.links()).hasSize(4);
    // the limit keeps the centre and leaves the rest out, counted
    Neighbourhood tight = net.around(PartyRole.DECLARANT, "R", 1, 3).orElseThrow();
    assertThat(tight.nodes()).hasSize(3);
    assertThat(tight.hidden()).isEqualTo(4);
    // R serves six new importers, five of them fraudulent: its ring indicator comes along
    assertThat(tight.rings()).extracting(RingIndicator::declarantId).containsExactly("R");
    assertThat(tight.rings().get(0).newFrauds()).isEqualTo(5);
    assertThat(net.around(PartyRole.IMPORTER, "nobody", 1, 10)).isEmpty();
  }

  @Test
  void ownAndJgraphtLabelPropagationAgreeOnClearCommunities() {
    for (NetworkConfig.Communities method : NetworkConfig.Communities.values()) {
      NetworkConfig c = new NetworkConfig(180, 0.15, 30, 90, 10, method, 42);
      TraderNetwork net = TraderNetwork.build(small(), D, c);
      PartyNode a = net.node(PartyRole.IMPORTER, "A").orElseThrow();
      PartyNode b = net.node(PartyRole.IMPORTER, "B").orElseThrow();
      PartyNode x = net.node(PartyRole.DECLARANT, "X").orElseThrow();
      PartyNode cc = net.node(PartyRole.IMPORTER, "C").orElseThrow();
      if (method == NetworkConfig.Communities.NONE) {
        assertThat(net.communityCount()).isZero();
        assertThat(a.community()).isEqualTo(-1);
        assertThat(a.communityFraudRate()).isEqualTo(net.baseRate());
      } else {
        assertThat(a.community()).as(method.name()).isEqualTo(b.community()).isEqualTo(x.community())
            .isNotEqualTo(cc.community());
        assertThat(a.communitySize()).isEqualTo(4);
      }
    }
  }

  @Test
  void aDeclarantServingNewFraudulentImportersIsARing() {
    TraderNetwork net = TraderNetwork.build(small(), D, NetworkConfig.defaults());
    List<RingIndicator> rings = net.rings(3, 10);
    assertThat(rings).extracting(RingIndicator::declarantId).containsExactly("R", "Q");
    RingIndicator r = rings.get(0);
    assertThat(r.newImporters()).isEqualTo(6);
    assertThat(r.newFrauds()).isEqualTo(5);
    assertThat(r.lowerBound()).isGreaterThan(0.4);
    assertThat(rings.get(1).lowerBound()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    // X's importers are older than the ring window
    assertThat(net.features(decl("z", D, "A", "X", "", "080810", "US", 1, null))
        .get("net.declarant_new_importers")).isZero();
    assertThat(net.features(decl("z", D, "A", "R", "", "080810", "US", 1, null))
        .get("net.declarant_new_importers")).isEqualTo(6.0);
  }

  @Test
  void featuresHaveTheDocumentedNamesAndNeutralValuesForStrangers() {
    TraderNetwork net = TraderNetwork.build(small(), D, NetworkConfig.defaults());
    var f = net.features(decl("z", D, "NOBODY", "NOONE", "", "080810", "US", 1, null));
    assertThat(List.copyOf(f.keySet())).isEqualTo(NetworkFeatures.NAMES);
    assertThat(f.get("net.importer_pagerank_risk")).isZero();
    assertThat(f.get("net.importer_community_fraud_rate")).isEqualTo(net.baseRate());
  }

  @Test
  void graphMlListsEveryNodeAndLink() throws Exception {
    TraderNetwork net = TraderNetwork.build(small(), D, NetworkConfig.defaults());
    StringWriter w = new StringWriter();
    net.writeGraphMl(w);
    String xml = w.toString();
    assertThat(xml.split("<node ", -1)).hasSize(net.nodeCount() + 1);
    assertThat(xml.split("<edge ", -1)).hasSize(net.edgeCount() + 1);
    assertThat(xml).contains("<data key=\"party\">A</data>");
  }

  @Test
  void monthlyFeaturesSeeNothingFromTheirOwnMonthOrLater() {
    List<Declaration> year = Fixtures.publicFile("df_syn_train_eng.csv");
    LocalDate cut = LocalDate.of(2020, 9, 1);
    List<Declaration> flipped = new ArrayList<>();
    for (Declaration d : year) {
      boolean f = d.date().isBefore(cut) ? d.isFraud() : !d.isFraud();
      flipped.add(d.withOutcome(new InspectionOutcome(f, f ? 1 : 0)));
    }
    NetworkFeatures a = NetworkFeatures.monthly(year, NetworkConfig.defaults());
    NetworkFeatures b = NetworkFeatures.monthly(flipped, NetworkConfig.defaults());
    List<Declaration> sept = year.stream().filter(d -> d.date().getMonthValue() == 9).toList();
    for (Declaration d : sept) {
      assertThat(a.features(d)).isEqualTo(b.features(d));
    }
    Declaration oct = year.stream().filter(d -> d.date().getMonthValue() == 10).findFirst()
        .orElseThrow();
    TraderNetwork netA = a.snapshotFor(oct.date());
    TraderNetwork netB = b.snapshotFor(oct.date());
    assertThat(netA.baseRate()).isNotEqualTo(netB.baseRate());
  }
}
