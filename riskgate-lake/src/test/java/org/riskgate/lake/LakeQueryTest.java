package org.riskgate.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;

class LakeQueryTest {
  @TempDir static Path dir;
  static Path lake;
  static LakeQuery query;
  static final Duration T = Duration.ofSeconds(20);

  @BeforeAll
  static void importTheValidationQuarter() throws Exception {
    lake = dir.resolve("lake");
    new LakeImporter(lake, ColumnMapping.defaults(), n -> {}).importFile(LakeImporterTest.VALID);
    Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
    query = new LakeQuery(Lake.open(lake));
  }

  @Test
  void answersASelectWithOneColumnPerFieldAndTheMonth() throws Exception {
    List<Declaration> csv = LakeImporterTest.csv(LakeImporterTest.VALID);
    LakeQuery.Result r = query.run("SELECT month, count(*) AS n, count_if(fraud) AS frauds FROM declarations "
        + "GROUP BY month ORDER BY month", 100, T);
    assertThat(r.columns()).containsExactly("month", "n", "frauds");
    assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("2021-01", "2021-02", "2021-03");
    assertThat(r.rows().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum()).isEqualTo(csv.size());
    assertThat(r.rows().stream().mapToLong(row -> ((Number) row.get(2)).longValue()).sum())
        .isEqualTo(csv.stream().filter(Declaration::isFraud).count());

    LakeQuery.Result one = query.run("-- the first declaration\nWITH d AS (SELECT * FROM declarations) "
        + "SELECT * FROM d ORDER BY date, declaration_id LIMIT 1", 10, T);
    assertThat(one.columns()).hasSize(25).startsWith("declaration_id", "date").endsWith("description", "month");
    assertThat(one.rows().get(0).get(1)).isInstanceOf(LocalDate.class);
  }

  @Test
  void theRowLimitCutsTheAnswerAndSaysSo() throws Exception {
    LakeQuery.Result r = query.run("SELECT declaration_id FROM declarations", 5, T);
    assertThat(r.rows()).hasSize(5);
    assertThat(r.truncated()).isTrue();
    assertThat(query.run("SELECT 1", 5, T).truncated()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT * FROM declarations) TO '%DIR%/out.csv'",
      "COPY (SELECT 1) TO '%LAKE%/declarations/month=2021-01/part-999999-00000.parquet' (FORMAT parquet)",
      "ATTACH '%DIR%/other.db' AS other",
      "INSTALL httpfs",
      "LOAD httpfs",
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_csv('%DIR%/secret.csv')",
      "SELECT * FROM read_text('%LAKE%/declarations/../manifest.json')",
      "SELECT * FROM read_parquet('%DIR%/*.parquet')",
      "SELECT * FROM glob('/*')",
      "SELECT * FROM query('COPY (SELECT 1) TO ''%LAKE%/declarations/x.csv''')",
      "CREATE TABLE t AS SELECT * FROM declarations",
      "INSERT INTO declarations SELECT * FROM declarations",
      "DROP VIEW declarations",
      "SET enable_external_access = true",
      "RESET lock_configuration",
      "PRAGMA enable_profiling",
      "SELECT 1; SELECT 2",
      "SELECT 1; COPY (SELECT 1) TO '%DIR%/out.csv'",
      "EXPORT DATABASE '%DIR%/export'",
      "SELECT * FROM duckdb_secrets()",
      "CALL pragma_version()"})
  void refusesWhatCouldWriteAttachOrReadOutsideTheLake(String hostile) {
    String sql = hostile.replace("%DIR%", dir.toString()).replace("%LAKE%", lake.toString());
    assertThatThrownBy(() -> query.run(sql, 10, T)).as(sql).isInstanceOf(LakeQuery.Refused.class);
    assertThat(dir.resolve("out.csv")).doesNotExist();
    assertThat(dir.resolve("other.db")).doesNotExist();
    assertThat(dir.resolve("export")).doesNotExist();
    assertThat(lake.resolve("declarations/x.csv")).doesNotExist();
    assertThat(lake.resolve("declarations/month=2021-01/part-999999-00000.parquet")).doesNotExist();
  }

  /** Should the statement check ever let one through, DuckDB's own sandbox still refuses it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT 1) TO '%DIR%/out.csv'",
      "COPY (SELECT 1) TO '%LAKE%/declarations/x.csv'",
      "COPY (SELECT 1) TO '%PART%' (FORMAT parquet)",
      "ATTACH '%DIR%/other.db' AS other",
      "INSTALL httpfs",
      "SET enable_external_access = true",
      "SET allowed_directories = ['/']",
      "EXPORT DATABASE '%DIR%/export'"})
  void theSealedDatabaseRefusesWritesAndSettingsOnItsOwn(String hostile) throws Exception {
    Path part = Lake.open(lake).parts(org.riskgate.core.Period.ALL).get(0);
    long size = Files.size(part);
    String sql = hostile.replace("%DIR%", dir.toString()).replace("%LAKE%", lake.toString())
        .replace("%PART%", part.toString());
    try (java.sql.Connection c = query.sealed(); java.sql.Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(java.sql.SQLException.class);
    }
    assertThat(dir.resolve("out.csv")).doesNotExist();
    assertThat(dir.resolve("other.db")).doesNotExist();
    assertThat(lake.resolve("declarations/x.csv")).doesNotExist();
    assertThat(Files.size(part)).isEqualTo(size);
  }

  @Test
  void aRefusalHasWordsInKoreanAndKeepsItsEnglish() {
    assertThatThrownBy(() -> query.run("DROP VIEW declarations", 10, T)).isInstanceOfSatisfying(LakeQuery.Refused.class,
        r -> {
          assertThat(r.getMessage()).isEqualTo("only a SELECT (or WITH ... SELECT) query is allowed");
          assertThat(r.words().render(java.util.Locale.KOREAN)).isEqualTo("SELECT (또는 WITH ... SELECT) 조회만 할 수 있습니다");
        });
    assertThatThrownBy(() -> query.run("SELECT 1; SELECT 2", 10, T)).isInstanceOfSatisfying(LakeQuery.Refused.class,
        r -> assertThat(r.words().render(java.util.Locale.KOREAN)).isEqualTo("한 번에 한 문장만 실행할 수 있습니다: 이 조회에는 2개가 있습니다"));
  }

  /** An analyst's usual mistakes: DuckDB's English for the API, a Korean sentence naming what is wrong. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "SELECT * FORM declarations | syntax error at or near | SQL 문법 오류: \"declarations\" 근처를 읽을 수 없습니다",
      "SELECT nosuch FROM declarations | Referenced column \"nosuch\" not found | \"nosuch\" 열이 없습니다",
      "SELECT * FROM other | Table with name other does not exist | \"other\" 표가 없습니다",
      "SELECT nosuchfn(1) | Function with name nosuchfn | \"nosuchfn\" 함수가 없습니다",
      "SELECT date, count(*) FROM declarations | must appear in the GROUP BY clause | \"date\" 열은 GROUP BY에",
      "SELECT * FROM read_csv('/etc/passwd') | Permission Error | 다른 파일이나 설정에는 접근할 수 없습니다",
      "SELECT 'a' + 1 | Could not choose a best candidate function | 값의 형식이 맞지 않습니다",
      "SELECT CAST('a' AS INTEGER) | Invalid result set | 행을 읽는 중에 조회가 실패했습니다"})
  void duckDbsRefusalIsNamedInKoreanAndKeptInEnglish(String sql, String english, String korean) {
    assertThatThrownBy(() -> query.run(sql, 10, T)).as(sql).isInstanceOfSatisfying(LakeQuery.Refused.class, r -> {
      assertThat(r.getMessage()).contains(english);
      String ko = r.words().render(java.util.Locale.KOREAN);
      assertThat(ko).contains(korean).doesNotContain(english).doesNotContainPattern("[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}");
    });
  }

  @Test
  void everyRefusalHasKoreanWords() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties ko = new java.util.Properties();
    try (var a = LakeQuery.class.getResourceAsStream("refusals.properties");
        var b = new java.io.InputStreamReader(LakeQuery.class.getResourceAsStream("refusals_ko.properties"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      en.load(a);
      ko.load(b);
    }
    assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }

  @Test
  void aQueryThatWouldRunForeverIsStoppedAtItsTimeLimit() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> query.run("SELECT count(*) FROM range(1000000000000) a, declarations b", 10,
        Duration.ofSeconds(1))).isInstanceOf(LakeQuery.Refused.class).hasMessageContaining("time limit");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
  }

  @Test
  void writesCsvAndTypedParquet() throws Exception {
    LakeQuery.Result r = query.run("SELECT month, count(*) AS n, max(date) AS last, '' AS empty, NULL::VARCHAR AS none "
        + "FROM declarations GROUP BY month ORDER BY month", 10, T);
    Path csv = dir.resolve("months.csv");
    ParquetFiles.write(r, csv);
    assertThat(Files.readAllLines(csv)).first().isEqualTo("month,n,last,empty,none");
    Path parquet = dir.resolve("months.parquet");
    ParquetFiles.write(r, parquet);
    try (var c = DuckDb.open("256MB"); var s = c.createStatement();
        var rs = s.executeQuery("SELECT typeof(n), typeof(last), count(*), count(empty), count(none) FROM read_parquet("
            + DuckDb.quote(parquet.toString()) + ") GROUP BY ALL")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("BIGINT");
      assertThat(rs.getString(2)).isEqualTo("DATE");
      assertThat(rs.getLong(3)).isEqualTo(3);
      assertThat(rs.getLong(4)).as("empty strings stay strings").isEqualTo(3);
      assertThat(rs.getLong(5)).as("nulls stay null").isZero();
    }
  }
}
