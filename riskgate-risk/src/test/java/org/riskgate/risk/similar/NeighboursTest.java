package org.riskgate.risk.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;

/** Similar past declarations, on the first 3,000 declarations of 2020. */
class NeighboursTest {
  static List<Declaration> rows;

  @BeforeAll
  static void read() throws Exception {
    Path rejects = java.nio.file.Files.createTempFile("neighbours", ".csv");
    rows = DeclarationReader.readAll(Path.of("../data/customs/df_syn_train_eng.csv"), ColumnMapping.defaults(),
        new RejectFile(rejects)).subList(0, 3000);
  }

  @Test
  void neighboursAreEarlierAndNoLaterDeclarationMovesThem() {
    Declaration target = rows.get(2500);
    List<Neighbours.Neighbour> near = Neighbours.of(rows, target.id(), 5);
    assertThat(near).hasSize(5);
    near.forEach(n -> assertThat(n.declaration().date()).isBefore(target.date()));
    near.forEach(n -> assertThat(n.declaration().outcome()).isPresent());
    // copies of the target on its own day and later change nothing (either would be at distance 0)
    List<Declaration> more = new ArrayList<>(rows);
    more.add(copy(target, "same-day", target.date()));
    more.add(copy(target, "later", target.date().plusDays(3)));
    assertThat(Neighbours.of(more, target.id(), 5)).isEqualTo(near);
    // and the test can fail: a copy the day before is the nearest, at distance 0
    more.add(copy(target, "day-before", target.date().minusDays(1)));
    List<Neighbours.Neighbour> withCopy = Neighbours.of(more, target.id(), 5);
    assertThat(withCopy.get(0).declaration().id()).isEqualTo("day-before");
    assertThat(withCopy.get(0).distance()).isZero();
  }

  /** The server compares a stored declaration with the store's earlier ones: the same answer. */
  @Test
  void aTargetOutsideThePastIsComparedAsIfItWereIn() {
    Declaration target = rows.get(2500);
    Declaration outside = copy(target, "not-stored", target.date());
    List<Declaration> without = new ArrayList<>(rows);
    without.remove(target);
    assertThat(Neighbours.of(without, outside, 5)).isEqualTo(Neighbours.of(rows, target.id(), 5));
    assertThat(Neighbours.of(without, copy(target, "first", rows.get(0).date()), 5)).isEmpty();
  }

  private static Declaration copy(Declaration d, String id, java.time.LocalDate date) {
    return new Declaration(id, date, d.officeId(), d.processType(), d.importType(), d.importUse(), d.paymentType(),
        d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
        d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice(), d.outcome(), d.revenue(), d.description());
  }
  /** A day's space compares that day's declarations only: another day's would mix two moments. */
  @Test
  void aDaysNeighboursServeThatDayAndRefuseAnother() {
    Declaration target = rows.get(2500);
    Neighbours day = Neighbours.before(rows, target.date());
    assertThat(day.nearest(target, 5)).isEqualTo(Neighbours.of(rows, target.id(), 5));
    Declaration other = rows.stream().filter(d -> !d.date().equals(target.date())).findFirst().orElseThrow();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> day.nearest(other, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other.id());
  }
}
