package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.hs.check.RequirementTable;

class CheckerTest {
  private final HsChecker checker = Shared.TOOLKIT.checker();

  @Test
  void honestDeclarationPasses() {
    HsCheck c = checker.check("frozen boneless beef", HsCode.parse("0202.30"));
    assertThat(c.mismatch()).isFalse();
    assertThat(c.mismatchScore()).isLessThan(0.2);
    assertThat(c.reviewObjectFlag()).isFalse();
    assertThat(c.requirement()).isEmpty();
  }

  @Test
  void beefDeclaredAsPlasticIsAMismatchAndAReviewObject() {
    HsCheck c = checker.check("frozen boneless beef", HsCode.parse("392690"));
    assertThat(c.mismatch()).isTrue();
    assertThat(c.mismatchScore()).isGreaterThan(0.9);
    assertThat(c.reviewObjectFlag()).isTrue();
    assertThat(c.requirement()).get().asString().contains("animal quarantine");
    assertThat(c.reason()).contains("392690").contains("020230");
  }

  @Test
  void anUnknownDeclaredCodeIsAMismatch() {
    HsCheck c = checker.check("frozen boneless beef", HsCode.parse("020299"));
    assertThat(c.mismatch()).isTrue();
    assertThat(c.mismatchScore()).isEqualTo(1.0);
    assertThat(c.reason()).contains("020299 is not an HS 2022 code").contains("020230");
    // national lines below a known subheading are accepted as they are
    assertThat(checker.check("frozen boneless beef", HsCode.parse("0202301000")).mismatch()).isFalse();
  }

  @Test
  void aRequirementOnTheDeclaredCodeIsNotAReviewObjectFlag() {
    // declared under another food heading: wrong code, but the requirement check happens anyway
    HsCheck c = checker.check("frozen boneless beef", HsCode.parse("160250"));
    assertThat(c.reviewObjectFlag()).isFalse();
  }

  @Test
  void requirementTableCoversRangesAndNamesBadLines(@TempDir Path dir) throws IOException {
    RequirementTable t = Shared.TOOLKIT.requirements();
    assertThat(t.requirementsOf(HsCode.parse("020230"))).contains("animal quarantine", "food safety");
    assertThat(t.requirementsOf(HsCode.parse("392690"))).isEmpty();
    assertThat(t.requirementsOf(HsCode.parse("8517130000"))).contains("radio/EMC conformity");
    Path f = dir.resolve("req.csv");
    Files.writeString(f, "# comment\nfrom,to,requirement,authority\n0210,0201,food,x\n");
    assertThatThrownBy(() -> RequirementTable.load(f)).hasMessageContaining("line 3");
  }
}
