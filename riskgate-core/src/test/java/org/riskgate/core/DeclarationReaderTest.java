package org.riskgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationReaderTest {
  private static final String HEADER = "Declaration ID,Date,Office ID,Process Type,Import Type,"
      + "Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,"
      + "HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,"
      + "Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud";
  private static final String GOOD =
      "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,2";

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

  private Path write(String... lines) throws IOException {
    Path f = dir.resolve("in.csv");
    Files.write(f, List.of(lines));
    return f;
  }

  @Test
  void readsThePublicDatasetHeadersAsTheyAre() throws IOException {
    ListSink sink = new ListSink();
    List<Declaration> all = DeclarationReader.readAll(write(HEADER, GOOD), ColumnMapping.defaults(), sink);
    assertThat(all).hasSize(1);
    Declaration d = all.get(0);
    assertThat(d.id()).isEqualTo("97061800");
    assertThat(d.hs6()).isEqualTo("440890");
    assertThat(d.sellerId()).isEqualTo("0VKY2BR");
    assertThat(d.courierId()).isEmpty();
    assertThat(d.itemPrice()).isEqualTo(372254.4);
    assertThat(d.outcome()).contains(new InspectionOutcome(true, 2));
    assertThat(sink.rejects).isEmpty();
  }

  /** Rows waiting for their day are held in memory: a repeated value must not be held twice. */
  @Test
  void repeatedValuesShareOneInstance() throws IOException {
    List<Declaration> all = DeclarationReader.readAll(write(HEADER, GOOD, GOOD), ColumnMapping.defaults(), new ListSink());
    assertThat(all).hasSize(2);
    assertThat(all.get(1).importerId()).isEqualTo(all.get(0).importerId()).isSameAs(all.get(0).importerId());
    assertThat(all.get(1).originCountry()).isSameAs(all.get(0).originCountry());
    assertThat(all.get(1).hsCode()).isSameAs(all.get(0).hsCode());
  }

  @Test
  void malformedRowsAreRejectedWithLineAndFieldAndReadingGoesOn() throws IOException {
    ListSink sink = new ListSink();
    Path f = write(HEADER,
        GOOD.replace("108.0", "1o8"),                  // line 2: bad number
        GOOD.replace("2020-01-01", "2020-13-45"),      // line 3: bad date
        GOOD.replace(",FEU1,G", ",FEU1"),              // line 4: a field short
        GOOD,                                          // line 5: fine
        GOOD.replace("440890", "44A890"));             // line 6: bad HS code
    List<Declaration> all = DeclarationReader.readAll(f, ColumnMapping.defaults(), sink);
    assertThat(all).hasSize(1);
    assertThat(sink.rejects).extracting(Reject::line).containsExactly(2L, 3L, 4L, 6L);
    assertThat(sink.rejects).extracting(Reject::field)
        .containsExactly("Net Mass", "Date", "(row)", "HS6 Code");
    assertThat(sink.rejects.get(0).describe()).contains("in.csv:2", "Net Mass", "not a number", "1o8");
    assertThat(sink.rejects.get(2).reason()).isEqualTo("expected 22 fields, found 21");
  }

  @Test
  void anUnbalancedQuoteNamesEveryLineItSwallows() throws IOException {
    ListSink sink = new ListSink();
    Path f = write(HEADER, GOOD, "1,2021-01-01,\"30,B", GOOD, GOOD);
    assertThat(DeclarationReader.readAll(f, ColumnMapping.defaults(), sink)).hasSize(1);
    assertThat(sink.rejects).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).contains("runs over lines 3-5", "unbalanced quote");
    });
  }

  @Test
  void missingRequiredColumnStopsWithItsName() throws IOException {
    Path f = write(HEADER.replace("Importer ID", "Importer"), GOOD);
    assertThatThrownBy(() -> DeclarationReader.readAll(f, ColumnMapping.defaults(), new ListSink()))
        .isInstanceOf(MissingColumnException.class)
        .hasMessageContaining("in.csv")
        .hasMessageContaining("'Importer ID'");
  }

  @Test
  void mappingFileReadsAnotherAdministrationsExport() throws IOException {
    Path f = write(HEADER.replace("Importer ID", "IMP_CODE").replace("HS6 Code", "TARIFF"),
        GOOD.replace("440890", "44089000"));
    Path mapping = dir.resolve("columns.properties");
    Files.writeString(mapping, "importer_id = IMP_CODE\nhs_code = TARIFF\n");
    List<Declaration> all = DeclarationReader.readAll(f, ColumnMapping.fromFile(mapping), new ListSink());
    assertThat(all.get(0).importerId()).isEqualTo("QLRUBN9");
    assertThat(all.get(0).hsCode()).isEqualTo("44089000");
  }

  @Test
  void unknownFieldInMappingFileIsRefused() throws IOException {
    Path mapping = dir.resolve("columns.properties");
    Files.writeString(mapping, "importer = IMP_CODE\n");
    assertThatThrownBy(() -> ColumnMapping.fromFile(mapping))
        .hasMessageContaining("unknown field 'importer'");
  }

  @Test
  void nineDigitHs10CodesGetTheirLeadingZeroBack() throws IOException {
    Path f = write(HEADER.replace("HS6 Code", "HS10 Code"), GOOD.replace("440890", "302190000"));
    Declaration d = DeclarationReader.readAll(f, ColumnMapping.defaults(), new ListSink()).get(0);
    assertThat(d.hsCode()).isEqualTo("0302190000");
    assertThat(d.hs6()).isEqualTo("030219");
  }

  @Test
  void rejectFileListsEveryRejectedRow() throws IOException {
    Path f = write(HEADER, GOOD.replace("372254.4", "-5"), GOOD);
    Path out = dir.resolve("rejects.csv");
    try (RejectFile rejects = new RejectFile(out)) {
      assertThat(DeclarationReader.readAll(f, ColumnMapping.defaults(), rejects)).hasSize(1);
      assertThat(rejects.count()).isEqualTo(1);
    }
    assertThat(Files.readAllLines(out)).hasSize(2).last().asString()
        .contains("in.csv", ",2,Item Price,-5,out of range");
  }

  @Test
  void readsTheBundledPublicFileWithoutRejects() throws IOException {
    ListSink sink = new ListSink();
    List<Declaration> all = DeclarationReader.readAll(
        Path.of("../data/customs/df_syn_valid_eng.csv"), ColumnMapping.defaults(), sink);
    assertThat(all).hasSize(8134);
    assertThat(sink.rejects).isEmpty();
    assertThat(all.stream().filter(Declaration::isFraud).count()).isBetween(1000L, 3000L);
  }
}
