package org.riskgate.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.Declarations;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.core.MissingColumnException;
import org.riskgate.core.Period;
import org.riskgate.core.Reject;

class ParquetFormatTest {
  @TempDir Path dir;

  private Path parquet(String name, String select) throws Exception {
    Path f = dir.resolve(name);
    try (Connection c = DuckDb.open("256MB"); Statement s = c.createStatement()) {
      s.execute("COPY (" + select + ") TO " + DuckDb.quote(f.toString()) + " (FORMAT parquet)");
    }
    return f;
  }

  @Test
  void aParquetFileIsReadAsDeclarationsAndBadRowsAreRejectedWithFileRowAndField() throws Exception {
    Path f = parquet("mixed.parquet", "SELECT * FROM (VALUES "
        + "('D1', DATE '2021-01-04', 'I1', '440890', 8.0, 1.5, 100.0, true, 2), "
        + "('D2', DATE '2021-01-05', 'I1', '4408', 8.0, 1.5, 100.0, false, 0), "
        + "(NULL, DATE '2021-01-05', 'I2', '440890', 8.0, 1.5, 100.0, NULL, NULL), "
        + "('D4', DATE '2021-01-06', 'I2', '440890', 8.0, -3.0, 100.0, NULL, NULL), "
        + "('D5', DATE '2021-02-01', 'I3', '44089012', 8.0, 1.5, 100.0, NULL, NULL)) "
        + "t(declaration_id, date, importer_id, hs_code, tax_rate, net_mass, item_price, fraud, critical_fraud)");
    LakeImporterTest.ListSink rejects = new LakeImporterTest.ListSink();
    List<Declaration> ds = Declarations.readAll(f, Period.ALL, ColumnMapping.defaults(), rejects);
    assertThat(ds).extracting(Declaration::id).containsExactly("D1", "D5");
    assertThat(ds.get(0).outcome()).contains(new InspectionOutcome(true, 2));
    assertThat(ds.get(1).outcome()).isEmpty();
    assertThat(ds.get(1).hsCode()).isEqualTo("44089012");
    assertThat(rejects.rejects).extracting(Reject::file).containsOnly(f.toString());
    assertThat(rejects.rejects).extracting(Reject::line).containsExactly(2L, 3L, 4L);
    assertThat(rejects.rejects).extracting(Reject::field).containsExactly("hs_code", "declaration_id", "net_mass");
    assertThat(rejects.rejects.get(0).reason()).contains("6 to 10 digits");

    assertThat(Declarations.readAll(f, Period.of(java.time.LocalDate.parse("2021-02-01"), null),
        ColumnMapping.defaults(), new LakeImporterTest.ListSink())).extracting(Declaration::id).containsExactly("D5");
  }

  @Test
  void aParquetFileWithOtherColumnNamesIsReadThroughTheColumnMapping() throws Exception {
    Path f = parquet("other.parquet", "SELECT 'D1' AS id, '2021-01-04' AS day, 'I1' AS imp, 440890 AS code, "
        + "8 AS rate, 1.5 AS kg, 100 AS price");
    assertThatThrownBy(() -> Declarations.readAll(f, Period.ALL, ColumnMapping.defaults(), new LakeImporterTest.ListSink()))
        .isInstanceOf(MissingColumnException.class).hasMessageContaining("declaration_id");
    Path mapping = dir.resolve("mapping.properties");
    Files.writeString(mapping, "declaration_id=id\ndate=day\nimporter_id=imp\nhs_code=code\ntax_rate=rate\n"
        + "net_mass=kg\nitem_price=price\n");
    List<Declaration> ds = Declarations.readAll(f, Period.ALL, ColumnMapping.fromFile(mapping), new LakeImporterTest.ListSink());
    assertThat(ds).singleElement().satisfies(d -> {
      assertThat(d.hsCode()).isEqualTo("440890");
      assertThat(d.netMass()).isEqualTo(1.5);
      assertThat(d.date()).isEqualTo(java.time.LocalDate.parse("2021-01-04"));
    });
  }

  @Test
  void aLakeIsIdentifiedByItsManifestAndADirectoryWithoutOneIsRefused() throws Exception {
    Path lake = dir.resolve("lake");
    new LakeImporter(lake, ColumnMapping.defaults(), n -> {}).importFile(LakeImporterTest.VALID);
    assertThat(Declarations.formatOf(lake).name()).isEqualTo("parquet");
    assertThat(Declarations.sha256(lake)).isEqualTo(Declarations.sha256OfBytes(lake.resolve("manifest.json")));
    assertThatThrownBy(() -> Declarations.formatOf(dir.resolve("lake/declarations")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a declaration lake");
  }
}
