package org.riskgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DeclarationTableTest {
  private static final RejectSink NONE = new RejectSink() {
    @Override
    public void reject(Reject r) {
      throw new AssertionError("public data rejected: " + r.describe());
    }

    @Override
    public long count() {
      return 0;
    }
  };

  @Test
  void holdsThePublicDataRowForRow() throws IOException {
    Path file = Path.of("../data/customs/df_syn_train_eng.csv");
    List<Declaration> records = DeclarationReader.readAll(file, ColumnMapping.defaults(), NONE);
    DeclarationTable table = Declarations.readTable(file, Period.ALL, ColumnMapping.defaults(), NONE);
    assertThat(table).hasSameSizeAs(records);
    for (int i = 0; i < records.size(); i++) {
      assertThat(table.get(i)).isEqualTo(records.get(i));
      assertThat(table.date(i)).isEqualTo(records.get(i).date());
      assertThat(table.labelled(i)).isEqualTo(records.get(i).outcome().isPresent());
    }
  }

  /** Codes widen from one byte to two and four as a column's dictionary grows past 256 and 65,536 values. */
  @Test
  void keepsEveryValueOfColumnsWithManyDistinctValues() {
    DeclarationTable.Builder b = DeclarationTable.builder();
    List<Declaration> added = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      Declaration d = declaration(i);
      added.add(d);
      b.add(d);
    }
    DeclarationTable t = b.build();
    assertThat(t).hasSize(70_000);
    for (int i : new int[] {0, 255, 256, 65_535, 65_536, 69_999}) {
      assertThat(t.get(i)).isEqualTo(added.get(i));
    }
    assertThat(t).isEqualTo(added);
  }

  @Test
  void isReadOnly() {
    DeclarationTable t = DeclarationTable.builder().add(declaration(1)).build();
    assertThatThrownBy(() -> t.add(declaration(2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** Row i: an importer of its own, a revenue and a description on some rows only, every outcome. */
  private static Declaration declaration(int i) {
    Optional<InspectionOutcome> outcome = i % 7 == 6 ? Optional.empty()
        : Optional.of(new InspectionOutcome(i % 7 >= 3, i % 3));
    return new Declaration("D" + i, LocalDate.of(2022, 1, 1).plusDays(i % 900), "0" + (i % 40), "B", "11",
        "21", "11", "10", "DEC" + (i % 300), "IMP" + i, i % 5 == 0 ? "" : "S" + (i % 1000), "",
        i % 2 == 0 ? "8471300000" : "440890", "CN", "KR", i % 13, "A", "Y", i * 0.5, i * 10.25, outcome,
        i % 4 == 0 ? OptionalDouble.of(i * 0.1) : OptionalDouble.empty(), i % 11 == 0 ? "laptop 한국 " + i : "");
  }
}
