package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.riskgate.core.Period;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;

class DeclarationInputTest {

  @Test
  void aCsvReadsAsRiskgatesReaderReadsItInFileOrder() throws Exception {
    List<Declaration> spark = LocalSpark.csv(LocalSpark.VALID).orderBy(DeclarationRows.SEQ).collectAsList().stream()
        .map(DeclarationRows::toDeclaration).toList();
    assertThat(spark).isEqualTo(LocalSpark.read(LocalSpark.VALID));
  }

  @Test
  void theLakeHoldsTheSameDeclarationsAndAPeriodPicksWholeDays() throws Exception {
    Period q1 = Period.of(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 31));
    Dataset<Row> rows = DeclarationInput.read(LocalSpark.spark(), LocalSpark.lake().toString(), ColumnMapping.defaults(),
        q1, LocalSpark.NO_REJECTS, Files.createTempDirectory("unused").toString());
    List<Declaration> expected = LocalSpark.read(LocalSpark.TRAIN).stream().filter(d -> q1.contains(d.date()))
        .sorted(java.util.Comparator.comparing(Declaration::id)).toList();
    assertThat(rows.collectAsList().stream().map(DeclarationRows::toDeclaration)
        .sorted(java.util.Comparator.comparing(Declaration::id)).toList()).isEqualTo(expected);
  }

  @Test
  void aLakeIsWhatItsManifestListsNotWhatAnInterruptedImportLeftBehind() throws Exception {
    Path lake = Files.createTempDirectory("riskgate-manifest-lake-");
    new org.riskgate.lake.LakeImporter(lake, ColumnMapping.defaults(), n -> { }).importFile(LocalSpark.VALID);
    // a part written by an import killed before its manifest: it is on disk, not in the lake
    Path month = lake.resolve("declarations/month=2021-02");
    Path part;
    try (var parts = Files.list(month)) {
      part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.copy(part, month.resolve("part-orphan-of-a-killed-import.parquet"));

    Dataset<Row> rows = DeclarationInput.read(LocalSpark.spark(), lake.toString(), ColumnMapping.defaults(),
        Period.ALL, LocalSpark.NO_REJECTS, Files.createTempDirectory("unused").toString());
    List<Declaration> expected = LocalSpark.read(LocalSpark.VALID);
    assertThat(rows.count()).isEqualTo(expected.size());
    Period feb = Period.of(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 28));
    assertThat(DeclarationInput.read(LocalSpark.spark(), lake.toString(), ColumnMapping.defaults(), feb,
        LocalSpark.NO_REJECTS, Files.createTempDirectory("unused").toString()).count())
        .isEqualTo(expected.stream().filter(d -> feb.contains(d.date())).count());
  }

  @Test
  void badCsvRowsGoToTheRejectsWithFileLineAndField() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-bad-");
    List<String> lines = new ArrayList<>(Files.readAllLines(LocalSpark.VALID).subList(0, 4));
    lines.set(2, lines.get(2).replace(",2021-01-01,", ",2021-13-01,"));
    Path bad = Files.write(dir.resolve("bad.csv"), lines);
    List<Reject> rejects = new ArrayList<>();
    RejectSink sink = new RejectSink() {
      @Override
      public void reject(Reject r) {
        rejects.add(r);
      }

      @Override
      public long count() {
        return rejects.size();
      }
    };
    Dataset<Row> rows = DeclarationInput.read(LocalSpark.spark(), bad.toString(), ColumnMapping.defaults(), Period.ALL,
        // staged through a URI, as --staging hdfs://... or s3a://... would be
        sink, dir.resolve("staging").toUri().toString());
    assertThat(rows.count()).isEqualTo(2);
    assertThat(rejects).singleElement().satisfies(r -> assertThat(r.describe()).contains("bad.csv").contains("3")
        .contains("Date").contains("2021-13-01"));
  }

  @Test
  void aParquetFileWithoutARequiredColumnIsNamed() throws Exception {
    Path dir = Files.createTempDirectory("riskgate-noprice-");
    LocalSpark.csv(LocalSpark.VALID).drop("item_price").write().parquet(dir.resolve("x.parquet").toString());
    assertThatThrownBy(() -> DeclarationInput.read(LocalSpark.spark(), dir.resolve("x.parquet").toString(),
        ColumnMapping.defaults(), Period.ALL, LocalSpark.NO_REJECTS, dir.toString()))
        .hasMessageContaining("x.parquet").hasMessageContaining("item_price");
  }
}
