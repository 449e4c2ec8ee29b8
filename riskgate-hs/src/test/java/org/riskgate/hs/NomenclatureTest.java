package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.hs.nomenclature.HsTree;

class NomenclatureTest {
  private final Nomenclature tree = Shared.TOOLKIT.nomenclature();

  @Test
  void loadsTheWholeHs2022Tree() {
    assertThat(tree.sections()).hasSize(21);
    assertThat(tree.sections().get(0).chapters()).containsExactly("01", "02", "03", "04", "05");
    assertThat(tree.subheadings()).hasSize(5612);
    assertThat(tree.children(HsCode.parse("8471"))).extracting(n -> n.code().digits()).contains("847130", "847190");
    assertThat(tree.path(HsCode.parse("847130"))).extracting(n -> n.code().digits())
        .containsExactly("84", "8471", "847130");
    assertThat(tree.sectionOf(HsCode.parse("847130"))).map(Section::roman).contains("XVI");
  }

  @Test
  void acceptsNationalLinesBelowKnownSubheadings(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("national.csv");
    Files.writeString(f, "code,description\n8471300000,Laptops of a national line\n");
    HsTree t = HsTree.hs2022(Optional.of(f));
    assertThat(t.find(HsCode.parse("8471300000"))).get().extracting(HsNode::description)
        .isEqualTo("Laptops of a national line");
    assertThat(t.isKnown(HsCode.parse("8471309999"))).isTrue();
    assertThat(t.isKnown(HsCode.parse("9999999999"))).isFalse();

    Files.writeString(f, "code,description\n9999000000,Nothing\n");
    assertThatThrownBy(() -> HsTree.hs2022(Optional.of(f))).hasMessageContaining("line 2")
        .hasMessageContaining("unknown subheading 999900");
  }
}
