package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.riskgate.selectivity.Lane;
import org.riskgate.server.Refusals;

/**
 * Which decisions the queue shows, in which order.
 *
 * @param statuses the case statuses shown; empty shows every declaration, green ones included
 *     (they are no case); a non-empty set shows only cases (red and yellow)
 * @param assignee only cases of this user
 * @param sort the column to order by; ties are broken by declaration id
 * @param page 1-based page number; past the last page the last page is shown
 * @param size rows per page, 1 to 500
 */
public record QueueFilter(
    Optional<Lane> lane, Optional<String> office, Optional<LocalDate> from, Optional<LocalDate> to,
    OptionalDouble minScore, Set<CaseStatus> statuses, Optional<String> assignee, Sort sort, boolean descending,
    int page, int size) {

  /** The columns the queue can be ordered by. */
  public enum Sort {
    SCORE("x.score"), DATE("d.decl_date"), OFFICE("d.office_id"), IMPORTER("d.importer_id"), STATUS(CaseStore.STATUS);

    final String column;

    Sort(String column) {
      this.column = column;
    }

    /** Lower-case name as in the UI's and API's {@code sort} parameter. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The sort of a label; the score for an unknown one is not guessed: it is refused. */
    public static Sort parse(String s) {
      for (Sort o : values()) {
        if (o.label().equalsIgnoreCase(s)) {
          return o;
        }
      }
      throw Refusals.refused("refused.sort", s);
    }
  }

  /** The cases still to be worked: the UI's default queue. */
  public static final Set<CaseStatus> ACTIVE = Set.of(CaseStatus.OPEN, CaseStatus.ASSIGNED, CaseStatus.INSPECTING);

  public QueueFilter {
    if (page < 1 || size < 1 || size > 500) {
      throw Refusals.refused("refused.pageSize");
    }
    statuses = Set.copyOf(statuses);
  }

  /** Every declaration matching these, highest score first. */
  public QueueFilter(Optional<Lane> lane, Optional<String> office, Optional<LocalDate> from, Optional<LocalDate> to,
      OptionalDouble minScore, int page, int size) {
    this(lane, office, from, to, minScore, Set.of(), Optional.empty(), Sort.SCORE, true, page, size);
  }

  /** The first page of everything. */
  public static QueueFilter all() {
    return new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalDouble.empty(), 1, 50);
  }

  /** The same filter on another page. */
  public QueueFilter onPage(int p, int s) {
    return new QueueFilter(lane, office, from, to, minScore, statuses, assignee, sort, descending, p, s);
  }
}
