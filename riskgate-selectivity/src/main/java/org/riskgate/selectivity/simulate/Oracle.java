package org.riskgate.selectivity.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riskgate.core.Declaration;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.core.NormalisedMetrics;

/**
 * The one holder of the simulated period's outcomes. Everything else sees the declarations without
 * their outcomes, and learns an outcome only by inspecting: through an {@link Inspector}, which
 * answers for the ids selected in the week being inspected, at most the week's capacity of them, and
 * once per week. How a selection did (precision, recall, revenue and their normalised versions)
 * comes back as figures of the whole selection, never per declaration.
 */
public final class Oracle {
  private final Map<String, InspectionOutcome> truth = new HashMap<>();
  private final Map<LocalDate, List<Declaration>> weeks = new LinkedHashMap<>();
  private final double capacityPercent;

  /**
   * @param period the labelled declarations to replay
   * @param start first day of the first week
   * @param weekCount how many seven-day weeks from {@code start}
   * @param capacityPercent share of each week's declarations that may be inspected
   * @throws IllegalArgumentException when a declaration of the weeks has no outcome, or a week is empty
   */
  public Oracle(List<Declaration> period, LocalDate start, int weekCount, double capacityPercent) {
    if (weekCount < 1) {
      throw new IllegalArgumentException("at least one week to simulate, was " + weekCount);
    }
    if (!(capacityPercent > 0 && capacityPercent <= 100)) {
      throw new IllegalArgumentException("capacity must be a percentage in (0, 100], was " + capacityPercent);
    }
    this.capacityPercent = capacityPercent;
    for (int w = 0; w < weekCount; w++) {
      weeks.put(start.plusWeeks(w), new ArrayList<>());
    }
    LocalDate end = start.plusWeeks(weekCount);
    for (Declaration d : period) {
      if (d.date().isBefore(start) || !d.date().isBefore(end)) {
        continue;
      }
      InspectionOutcome o = d.outcome().orElseThrow(() -> new IllegalArgumentException("declaration " + d.id()
          + " of " + d.date() + " has no outcome: the simulator replays labelled data only"));
      if (truth.put(d.id(), o) != null) {
        throw new IllegalArgumentException("declaration id " + d.id() + " occurs twice");
      }
      long week = java.time.temporal.ChronoUnit.DAYS.between(start, d.date()) / 7;
      weeks.get(start.plusWeeks(week)).add(blind(d));
    }
    weeks.forEach((monday, rows) -> {
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("the week from " + monday + " has no declarations");
      }
    });
  }

  /** First day of each week, in order. */
  public List<LocalDate> weeks() {
    return List.copyOf(weeks.keySet());
  }

  /** A week's declarations, without outcomes. */
  public List<Declaration> declarations(LocalDate week) {
    List<Declaration> rows = weeks.get(week);
    if (rows == null) {
      throw new IllegalArgumentException("no simulated week starts on " + week);
    }
    return List.copyOf(rows);
  }

  /** How many of a week's declarations may be inspected: the capacity, at least one. */
  public int capacity(LocalDate week) {
    return Math.max(1, (int) Math.floor(declarations(week).size() * capacityPercent / 100.0 + 0.5));
  }

  /** An inspection service of its own, for one strategy. */
  public Inspector inspector() {
    return new Inspector();
  }

  private static Declaration blind(Declaration d) {
    return new Declaration(d.id(), d.date(), d.officeId(), d.processType(), d.importType(), d.importUse(),
        d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(), d.sellerId(), d.courierId(), d.hsCode(),
        d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(), d.originIndicator(), d.netMass(),
        d.itemPrice(), Optional.empty(), d.revenue(), d.description());
  }

  /**
   * The outcomes of one week's selection.
   *
   * @param outcomes the inspected declarations, with their outcomes attached
   * @param figures how the selection did against the whole week: for the report, not for learning
   */
  public record Revealed(List<Declaration> outcomes, NormalisedMetrics.Figures figures) {
    public Revealed {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** Inspects for one strategy: each week once, in order, within the capacity. */
  public final class Inspector {
    private int next;

    private Inspector() {}

    /**
     * Inspects the selected declarations of the next week.
     *
     * @throws IllegalArgumentException when the week is not the next one, an id is not one of its
     *     declarations or is given twice, or there are more ids than the capacity
     */
    public Revealed inspect(LocalDate week, Collection<String> ids) {
      List<LocalDate> order = weeks();
      if (next >= order.size() || !order.get(next).equals(week)) {
        throw new IllegalArgumentException("week " + week + " cannot be inspected now"
            + (next < order.size() ? "; the next week is " + order.get(next) : "; every week has been inspected"));
      }
      int capacity = capacity(week);
      if (ids.size() > capacity) {
        throw new IllegalArgumentException(ids.size() + " inspections asked for the week of " + week
            + "; its capacity is " + capacity);
      }
      List<Declaration> rows = weeks.get(week);
      Set<String> asked = new HashSet<>(ids);
      if (asked.size() < ids.size()) {
        throw new IllegalArgumentException("a declaration is selected twice in the week of " + week);
      }
      boolean[] chosen = new boolean[rows.size()];
      boolean[] fraud = new boolean[rows.size()];
      double[] revenue = new double[rows.size()];
      List<Declaration> revealed = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Declaration d = rows.get(i);
        InspectionOutcome o = truth.get(d.id());
        chosen[i] = asked.remove(d.id());
        fraud[i] = o.fraud();
        revenue[i] = d.taxAtStake();
        if (chosen[i]) {
          revealed.add(d.withOutcome(o));
        }
      }
      if (!asked.isEmpty()) {
        throw new IllegalArgumentException("not declarations of the week of " + week + ": " + asked);
      }
      next++;
      return new Revealed(revealed, NormalisedMetrics.of(chosen, fraud, revenue));
    }
  }
}
