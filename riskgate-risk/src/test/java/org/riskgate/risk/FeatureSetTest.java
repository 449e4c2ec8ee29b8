package org.riskgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.risk.features.FeaturePipeline;

class FeatureSetTest {
  static final List<String> NAMES = FeaturePipeline.fit(List.of()).names();
  static final List<String> IDENTITIES = List.of("importer_id", "declarant_id", "seller_id", "courier_id");

  @Test
  void thePartiesCodesReachOnlyTheModelsThatAskForThem() {
    // the trees' sets are what they were before the codes were added: the default model is unchanged
    assertThat(FeatureSet.DECLARATION.of(NAMES)).hasSize(20).doesNotContainAnyElementsOf(IDENTITIES);
    assertThat(FeatureSet.ALL.of(NAMES)).hasSize(69).doesNotContainAnyElementsOf(IDENTITIES);
    assertThat(FeatureSet.IDENTITIES.of(NAMES)).isEqualTo(NAMES);
    assertThat(FeatureSet.PARTIES.of(NAMES)).hasSize(24).containsAll(IDENTITIES)
        .containsAll(FeatureSet.DECLARATION.of(NAMES));
    assertThat(NAMES.subList(NAMES.size() - 4, NAMES.size())).isEqualTo(IDENTITIES);
    assertThat(IDENTITIES).allMatch(FeaturePipeline::identity).allMatch(FeaturePipeline::code);
    assertThat(FeaturePipeline.code("hs6_number")).isTrue();
    assertThat(FeaturePipeline.code("tax_rate")).isFalse();
  }

  @Test
  void aModelKindNoModuleOnTheClassPathReadsIsNamed(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir);
    assertThatThrownBy(() -> ModelFormat.load("no-such-kind", dir, List.of()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("unknown model kind 'no-such-kind'");
  }
}
