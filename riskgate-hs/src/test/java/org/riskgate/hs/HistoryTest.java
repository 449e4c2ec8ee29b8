package org.riskgate.hs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.hs.learn.HistoryTrainer;
import org.riskgate.hs.learn.LabelledData;

class HistoryTest {

  @Test
  void unknownCodesAndBadRowsAreReportedWithLineNumbers(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("h.csv");
    Files.writeString(f, "description,hs_code\nbeef,020230\nwidget,999999\n,847130\nphone,8517\nlaptop,8471.30.00\n");
    LabelledData d = LabelledData.read(f, Shared.TOOLKIT.nomenclature());
    assertThat(d.rows()).extracting(r -> r.code().digits()).containsExactly("020230", "847130");
    assertThat(d.skipped()).extracting(LabelledData.Skipped::line).containsExactly(3L, 4L, 5L);
    assertThat(d.skipped().get(0).reason()).contains("unknown HS code 999999");
  }

  @Test
  void historyTeachesTradeNamesTheGlossaryLacks(@TempDir Path dir) throws IOException {
    // invented brand words: only the history can know them
    StringBuilder csv = new StringBuilder("description,hs_code\n");
    for (int i = 0; i < 6; i++) {
      csv.append("Zorvex ").append(i).append(" pro unit,847130\n");
      csv.append("Quibble frost pack ").append(i).append(",020230\n");
      csv.append("Glimmerwave tee size ").append(i).append(",610910\n");
    }
    Path f = dir.resolve("h.csv");
    Files.writeString(f, csv);
    LabelledData d = LabelledData.read(f, Shared.TOOLKIT.nomenclature());
    Path model = dir.resolve("model");
    HistoryTrainer.Summary s = new HistoryTrainer(HistoryTrainer.Config.defaults()).train(d, model);
    assertThat(s.rows()).isEqualTo(18);
    assertThat(s.classes()).isEqualTo(3);
    assertThat(model.resolve("provenance.json")).content().contains("dataSha256").contains(s.dataSha256());

    assertThat(Shared.TOOLKIT.suggester().suggest("Zorvex max", 1)).isEmpty();
    HsToolkit trained = HsToolkit.create(Optional.of(model), Optional.empty());
    Suggestion top = trained.suggester().suggest("Zorvex max", 1).get(0);
    assertThat(top.subheading().digits()).isEqualTo("847130");
    assertThat(top.evidence()).anyMatch(e -> e.contains("similar past declaration"));
    assertThat(trained.suggester().suggest("glimmerwave tee", 1).get(0).subheading().digits()).isEqualTo("610910");
  }
}
