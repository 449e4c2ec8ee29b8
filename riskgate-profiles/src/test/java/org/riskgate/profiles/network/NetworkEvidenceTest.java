package org.riskgate.profiles.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskgate.profiles.network.TraderNetworkTest.D;

import org.junit.jupiter.api.Test;
import org.riskgate.core.evidence.Evidence;
import org.riskgate.core.evidence.EvidenceKind;

/** The network's figures reach rules as evidence, and a ring is told as a network reason. */
class NetworkEvidenceTest {
  @Test
  void aRingsDeclarantIsANetworkReasonAndItsFiguresAreEvidence() {
    NetworkEvidence e = new NetworkEvidence(NetworkFeatures.monthly(TraderNetworkTest.small(), NetworkConfig.defaults()));
    Evidence ring = e.about(org.riskgate.profiles.Fixtures.decl("z", D, "A", "R", "", "080810", "US", 1, null));
    assertThat(ring.figures()).containsKeys(NetworkFeatures.NAMES.toArray(String[]::new));
    assertThat(ring.figures().get("net.declarant_new_importers")).isEqualTo(6.0);
    assertThat(ring.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(EvidenceKind.NETWORK);
      assertThat(f.text()).startsWith("declarant R brought in 6 new importers; fraud found in ");
      // the same finding in Korean, from the profiles' bundle
      assertThat(f.render(java.util.Locale.KOREAN))
          .startsWith("신고인 R이(가) 새 수입자 6곳을 들여왔고");
    });
    // the clean declarant Q brings as many new importers, none fraudulent: nothing to tell
    Evidence clean = e.about(org.riskgate.profiles.Fixtures.decl("y", D, "A", "Q", "", "080810", "US", 1, null));
    assertThat(clean.findings()).noneMatch(f -> f.text().startsWith("declarant Q"));
  }
}
