package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HsCodeTest {
  @Test
  void parsesCodesAsDeclarantsWriteThem() {
    assertThat(HsCode.parse("8471.30").digits()).isEqualTo("847130");
    assertThat(HsCode.parse(" 8471 30 00 00 ").level()).isEqualTo(HsLevel.NATIONAL);
    assertThat(HsCode.parse("0202").heading()).contains("0202");
    assertThat(HsCode.parse("02").heading()).isEmpty();
    assertThat(HsCode.parse("020230").within(HsCode.parse("02"))).isTrue();
  }

  @Test
  void rejectsWhatIsNotACode() {
    assertThatThrownBy(() -> HsCode.parse("84713")).hasMessageContaining("2, 4, 6 or 8-10 digits");
    assertThatThrownBy(() -> HsCode.parse("84a130")).hasMessageContaining("digits only");
    assertThat(HsCode.tryParse("")).isEmpty();
  }
}
