package org.riskgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationsTest {
  @TempDir Path dir;

  private Path csv() throws IOException {
    Path f = dir.resolve("in.csv");
    Files.write(f, List.of(
        "Declaration ID,Date,Importer ID,HS6 Code,Tax Rate,Net Mass,Item Price",
        "1,2020-01-31,IMP,440890,8,1,10",
        "2,2020-02-01,IMP,440890,8,1,10",
        "3,2020-02-29,IMP,4408,8,1,10",
        "4,2020-03-01,IMP,440890,8,1,10"));
    return f;
  }

  @Test
  void aPeriodKeepsItsDaysBothEndsIncludedAndStillReportsRejects() throws IOException {
    DeclarationReaderTest.ListSink rejects = new DeclarationReaderTest.ListSink();
    List<Declaration> feb = Declarations.readAll(csv(),
        Period.of(LocalDate.parse("2020-02-01"), LocalDate.parse("2020-02-29")), ColumnMapping.defaults(), rejects);
    assertThat(feb).extracting(Declaration::id).containsExactly("2");
    assertThat(rejects.rejects).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(4);
      assertThat(r.field()).isEqualTo("HS6 Code");
    });
    assertThat(Declarations.readAll(csv(), Period.until(LocalDate.parse("2020-02-01")), ColumnMapping.defaults(),
        new DeclarationReaderTest.ListSink())).extracting(Declaration::id).containsExactly("1", "2");
    assertThat(Declarations.readAll(csv(), Period.ALL, ColumnMapping.defaults(),
        new DeclarationReaderTest.ListSink())).hasSize(3);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> Period.of(LocalDate.parse("2020-02-01"), LocalDate.parse("2020-01-01")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
  }

  @Test
  void withoutTheLakeModuleParquetAndDirectoriesAreRefusedWithTheReason() throws IOException {
    assertThatThrownBy(() -> Declarations.formatOf(dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riskgate-lake");
    assertThatThrownBy(() -> Declarations.formatOf(dir.resolve("x.parquet")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riskgate-lake");
    assertThat(Declarations.formatOf(csv()).name()).isEqualTo("csv");
    assertThat(Declarations.sha256(csv())).hasSize(64).isEqualTo(Declarations.sha256OfBytes(csv()));
  }

  @Test
  void aDeclarationWrittenAsTextReadsBackEqual() throws IOException {
    Path f = dir.resolve("full.csv");
    Files.write(f, List.of(
        "Declaration ID,Date,Office ID,Importer ID,Seller ID,HS10 Code,Tax Rate,Net Mass,Item Price,Fraud,Critical Fraud,Revenue,Item Description",
        "1,20200131,30,IMP,,8471300000,8.5,1.25,10.1,1,2,3.5,laptop computers",
        "2,2020-02-01,30,IMP,S,440890,0,1,10,,,,"));
    List<Declaration> read = Declarations.readAll(f, Period.ALL, ColumnMapping.defaults(), new DeclarationReaderTest.ListSink());
    java.util.Map<Field, String> keys = new java.util.EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      keys.put(field, field.key());
    }
    DeclarationParser parser = new DeclarationParser("text", keys);
    for (Declaration d : read) {
      assertThat(parser.parse(field -> field.textOf(d), 1, new DeclarationReaderTest.ListSink()))
          .contains(d);
    }
  }
}
