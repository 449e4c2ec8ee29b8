package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.hs.eval.CheckEvaluation;
import org.riskgate.hs.eval.Language;
import org.riskgate.hs.eval.SuggestionEvaluation;
import org.riskgate.hs.learn.LabelledData;

class EvaluationTest {

  @Test
  void suggestionEvaluationCountsTopKPerLanguageAndLevel() {
    List<LabelledData.Row> rows = List.of(
        new LabelledData.Row(2, "frozen boneless beef", HsCode.parse("020230"), "", ""),
        new LabelledData.Row(3, "frozen boneless beef", HsCode.parse("020130"), "", ""),
        new LabelledData.Row(4, "노트북 컴퓨터", HsCode.parse("847130"), "", ""));
    SuggestionEvaluation e = SuggestionEvaluation.of(Shared.TOOLKIT.suggester(), rows);
    SuggestionEvaluation.Group all = e.groups().stream()
        .filter(g -> g.split().equals("all") && g.language().equals("all")).findFirst().orElseThrow();
    assertThat(all.n()).isEqualTo(3);
    // the second row's true code (fresh beef) is not the top suggestion but lies in the top five
    assertThat(all.hs6Top1()).isEqualTo(2 / 3.0);
    assertThat(all.hs6Top5()).isEqualTo(1.0);
    assertThat(all.hs2Top1()).isEqualTo(1.0);
    assertThat(e.groups()).anyMatch(g -> g.language().equals("ko") && g.n() == 1);
    assertThat(e.misses()).hasSize(1).first().asString().contains("line 3");
  }

  @Test
  void checkEvaluationDerivesLabelsFromCodes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("checks.csv");
    Files.writeString(f, "description,declared_code,true_code,kind\n"
        + "frozen boneless beef,020230,020230,honest\n"
        + "frozen boneless beef,392690,020230,far\n");
    CheckEvaluation e = CheckEvaluation.of(Shared.TOOLKIT.checker(), Shared.TOOLKIT.requirements(), f);
    CheckEvaluation.Group all = e.groups().stream().filter(g -> g.split().equals("all")).findFirst().orElseThrow();
    assertThat(all.misdeclared()).isEqualTo(1);
    assertThat(all.mismatchTp()).isEqualTo(1);
    assertThat(all.mismatchFp()).isZero();
    assertThat(all.reviewObjects()).isEqualTo(1);
    assertThat(all.reviewTp()).isEqualTo(1);
    assertThat(e.table()).contains("| all/far | 1 | 1 | 0 | 1.000 | 1.000 | 1 | 0 | 1.000 | 1.000 |");
  }

  @Test
  void languageIsGuessedFromScript() {
    assertThat(Language.of("냉동 소고기")).isEqualTo("ko");
    assertThat(Language.of("笔记本电脑")).isEqualTo("zh");
    assertThat(Language.of("ノートパソコン")).isEqualTo("ja");
    assertThat(Language.of("thịt bò đông lạnh")).isEqualTo("vi");
    // only Vietnamese-specific letters count: "máy tính" could be Spanish or French accents
    assertThat(Language.of("máy tính")).isEqualTo("en");
    assertThat(Language.of("ทุเรียน")).isEqualTo("th");
    assertThat(Language.of("frozen beef")).isEqualTo("en");
  }
}
