package org.riskgate.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;

class LakeImporterTest {
  static final Path VALID = Path.of("../data/customs/df_syn_valid_eng.csv");

  @TempDir Path dir;

  static final class ListSink implements RejectSink {
    final List<Reject> rejects = new ArrayList<>();

    @Override
    public void reject(Reject r) {
      rejects.add(r);
    }

    @Override
    public long count() {
      return rejects.size();
    }
  }

  static List<Declaration> csv(Path file) throws IOException {
    return DeclarationReader.readAll(file, ColumnMapping.defaults(), new ListSink());
  }

  /** A lake keeps each month's rows in file order: the CSV's rows, stably ordered by month. */
  static List<Declaration> byMonth(List<Declaration> rows) {
    return rows.stream().sorted(Comparator.comparing(d -> Lake.monthOf(d.date()))).toList();
  }

  static List<Declaration> read(Path lake, Period period) throws IOException {
    ListSink rejects = new ListSink();
    List<Declaration> all = Declarations.readAll(lake, period, ColumnMapping.defaults(), rejects);
    assertThat(rejects.rejects).isEmpty();
    return all;
  }

  private LakeImporter importer(Path lake, LakeImporter.Steps steps) {
    // small chunks, so that a month is written as several parts
    return new LakeImporter(lake, ColumnMapping.defaults(), n -> {}, steps, 3_000);
  }

  @Test
  void importsEveryRowPartitionedByMonthAndReadsThemBackUnchanged() throws Exception {
    Path lake = dir.resolve("lake");
    LakeImporter.Outcome o = importer(lake, s -> {}).importFile(VALID);
    List<Declaration> expected = csv(VALID);
    assertThat(o).isInstanceOfSatisfying(LakeImporter.Imported.class, i -> {
      assertThat(i.rows()).isEqualTo(expected.size());
      assertThat(i.rejected()).isZero();
      assertThat(i.months()).containsExactly("2021-01", "2021-02", "2021-03");
    });
    assertThat(lake.resolve("manifest.json")).isRegularFile();
    assertThat(lake.resolve("declarations/month=2021-01/part-000001-00000.parquet")).isRegularFile();
    assertThat(Lake.open(lake).parts(Period.ALL)).hasSizeGreaterThan(3);
    assertThat(read(lake, Period.ALL)).isEqualTo(byMonth(expected));

    Lake.Info info = Lake.open(lake).info();
    assertThat(info.rows()).isEqualTo(expected.size());
    assertThat(info.frauds()).isEqualTo(expected.stream().filter(Declaration::isFraud).count()).isPositive();
    assertThat(info.months()).extracting(Lake.Month::month).containsExactly("2021-01", "2021-02", "2021-03");
    assertThat(info.bytes()).isPositive();
  }

  @Test
  void aPeriodReadsOnlyItsDays() throws Exception {
    Path lake = dir.resolve("lake");
    importer(lake, s -> {}).importFile(VALID);
    Period p = Period.of(java.time.LocalDate.parse("2021-01-20"), java.time.LocalDate.parse("2021-02-10"));
    assertThat(Lake.open(lake).parts(p)).allMatch(f -> f.toString().contains("month=2021-01")
        || f.toString().contains("month=2021-02"));
    assertThat(read(lake, p)).isEqualTo(byMonth(csv(VALID)).stream().filter(d -> p.contains(d.date())).toList())
        .isNotEmpty();
  }

  @Test
  void theSameContentIsSkippedWhateverItsName() throws Exception {
    Path lake = dir.resolve("lake");
    Path copy = Files.copy(VALID, dir.resolve("again.csv"));
    importer(lake, s -> {}).importFile(VALID);
    LakeImporter.Outcome again = importer(lake, s -> {}).importFile(copy);
    assertThat(again).isInstanceOfSatisfying(LakeImporter.Skipped.class,
        s -> assertThat(s.earlier().source()).endsWith("df_syn_valid_eng.csv"));
    assertThat(Lake.open(lake).manifest().imports()).hasSize(1);
    assertThat(read(lake, Period.ALL)).hasSize(csv(VALID).size());
  }

  @Test
  void unreadableRowsGoToARejectFileInTheLakeWithLineAndField() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(VALID).subList(0, 101));
    lines.add("123,2021-01-05,30,B,11,21,11,10,D,I,S,,44A890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0");
    lines.add("124,2021-01-05,30,B,11,21,11,10,D,I,S,,440890,BE,BE,0.0,FEU1,G,-1,372254.4,0,0");
    Path f = dir.resolve("broken.csv");
    Files.write(f, lines);
    Path lake = dir.resolve("lake");
    LakeImporter.Imported i = (LakeImporter.Imported) importer(lake, s -> {}).importFile(f);
    assertThat(i.rows()).isEqualTo(100);
    assertThat(i.rejected()).isEqualTo(2);
    assertThat(i.firstRejects()).extracting(Reject::line).containsExactly(102L, 103L);
    assertThat(i.firstRejects()).extracting(Reject::field).containsExactly("HS6 Code", "Net Mass");
    assertThat(i.rejects()).hasValueSatisfying(r -> assertThat(r).isRegularFile().startsWith(lake.resolve("rejects")));
    assertThat(Files.readString(i.rejects().get())).contains("broken.csv,102,HS6 Code,44A890");
    assertThat(Lake.open(lake).manifest().imports().get(0).rejected()).isEqualTo(2);
  }

  @Test
  void thePartsHaveTheColumnsAndTypesOfTheContract() throws Exception {
    Path lake = dir.resolve("lake");
    importer(lake, s -> {}).importFile(VALID);
    Path part = Lake.open(lake).parts(Period.ALL).get(0);
    Map<String, String> types = new LinkedHashMap<>();
    try (Connection c = DuckDb.open("256MB"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + DuckDb.quote(part.toString()) + ", hive_partitioning = false)")) {
      while (r.next()) {
        types.put(r.getString(1), r.getString(2));
      }
    }
    assertThat(String.join(",", types.keySet())).isEqualTo("declaration_id,date,office_id,process_type,import_type,"
        + "import_use,payment_type,transport_mode,declarant_id,importer_id,seller_id,courier_id,hs_code,"
        + "departure_country,origin_country,tax_rate,tax_type,origin_indicator,net_mass,item_price,fraud,"
        + "critical_fraud,revenue,description");
    assertThat(types).containsEntry("declaration_id", "VARCHAR").containsEntry("date", "DATE")
        .containsEntry("tax_rate", "DOUBLE").containsEntry("fraud", "BOOLEAN")
        .containsEntry("critical_fraud", "INTEGER").containsEntry("revenue", "DOUBLE")
        .containsEntry("description", "VARCHAR").containsEntry("courier_id", "VARCHAR");
    try (Connection c = DuckDb.open("256MB"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE courier_id = ''), count(*) FILTER (WHERE description IS NULL), "
            + "count(*) FILTER (WHERE revenue IS NULL), count(*) FROM read_parquet(" + DuckDb.quote(part.toString()) + ")")) {
      r.next();
      assertThat(r.getLong(1)).as("blank couriers stay empty strings").isPositive();
      assertThat(r.getLong(2)).as("absent descriptions are NULL").isEqualTo(r.getLong(4));
      assertThat(r.getLong(3)).as("absent revenue is NULL").isEqualTo(r.getLong(4));
    }
  }

  /** Thrown where a killed process would stop: an Error, so that no clean-up code runs either. */
  static final class Killed extends Error {
    Killed(String step) {
      super("killed after " + step);
    }
  }

  @Test
  void anImportKilledAtAnyStepLeavesTheLakeAsItWasAndTheNextImportCompletes() throws Exception {
    List<String> lines = Files.readAllLines(VALID);
    Path first = dir.resolve("first.csv");
    Files.write(first, lines.subList(0, 2_001));
    List<String> second = new ArrayList<>(List.of(lines.get(0)));
    second.addAll(lines.subList(2_001, lines.size()));
    second.add("124,2021-01-05,30,B,11,21,11,10,D,I,S,,440890,BE,BE,0.0,FEU1,G,-1,372254.4,0,0");
    Path next = dir.resolve("second.csv");
    Files.write(next, second);

    // the steps an import of the second file goes through
    List<String> steps = new ArrayList<>();
    Path probe = dir.resolve("probe");
    importer(probe, s -> {}).importFile(first);
    importer(probe, steps::add).importFile(next);
    assertThat(steps).contains("staged", "rejects moved", "committed").hasSizeGreaterThan(5);

    for (String killAt : steps.subList(0, steps.size() - 1)) {
      Path lake = dir.resolve("lake-" + steps.indexOf(killAt));
      importer(lake, s -> {}).importFile(first);
      Manifest before = Lake.open(lake).manifest();
      List<Declaration> rowsBefore = read(lake, Period.ALL);
      assertThatThrownBy(() -> importer(lake, s -> {
        if (s.equals(killAt)) {
          throw new Killed(s);
        }
      }).importFile(next)).isInstanceOf(Killed.class);

      assertThat(Lake.open(lake).manifest()).as(killAt).isEqualTo(before);
      assertThat(read(lake, Period.ALL)).as(killAt).isEqualTo(rowsBefore);
      assertThat(Lake.open(lake).info().rows()).as(killAt).isEqualTo(2_000);

      LakeImporter.Outcome again = importer(lake, s -> {}).importFile(next);
      assertThat(again).as(killAt).isInstanceOf(LakeImporter.Imported.class);
      assertThat(read(lake, Period.ALL)).as(killAt).hasSize(lines.size() - 1);
      assertThat(filesUnder(lake)).as("nothing left over after " + killAt).isEqualTo(filesUnder(probe.getParent().resolve("probe"))
          .stream().toList());
    }
  }

  /** The lake's files, relative to it (bar the lock), as a sorted list. */
  private static List<String> filesUnder(Path lake) throws IOException {
    try (Stream<Path> all = Files.walk(lake)) {
      return all.filter(Files::isRegularFile).map(p -> lake.relativize(p).toString())
          .filter(p -> !p.equals(".lock")).sorted().toList();
    }
  }
}
