package org.riskgate.selectivity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Fills the red and yellow lanes of one day under a {@link Capacity}.
 *
 * <p>Order of filling, per day (or per office and day): lanes forced by analysts' rules first —
 * they always hold, and use up capacity; then the highest scores fill red, less the random share;
 * then random picks among the rest fill the random share of red; then the next highest scores fill
 * yellow; everything else is green.
 */
public final class LaneAssigner {
  private final Capacity capacity;
  private final long seed;

  /**
   * @param seed seeds the random picks, so a run can be repeated exactly
   */
  public LaneAssigner(Capacity capacity, long seed) {
    this.capacity = capacity;
    this.seed = seed;
  }

  /** A declaration waiting for its lane. */
  public record Candidate(String officeId, double score, Optional<Lane> forced) {}

  /** The lane given to a candidate. */
  public record Assignment(Lane lane, boolean randomPick) {}

  /**
   * Assigns lanes to one day's candidates; the result is aligned with the input. A day's random
   * picks depend on the seed, the date and the day's candidates alone, not on the days assigned
   * before it: a file scored in pieces (windows, or a cluster's tasks) gets the same lanes.
   */
  public List<Assignment> assign(LocalDate date, List<Candidate> day) {
    SplittableRandom random = new SplittableRandom(seed ^ (date.toEpochDay() * 0x9E3779B97F4A7C15L));
    Assignment[] out = new Assignment[day.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < day.size(); i++) {
      String key = capacity.perOffice() ? day.get(i).officeId() : "";
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : groups.values()) {
      assignGroup(day, group, out, random);
    }
    return List.of(out);
  }

  private void assignGroup(List<Candidate> day, List<Integer> group, Assignment[] out, SplittableRandom random) {
    int n = group.size();
    int red = Capacity.slots(n, capacity.redPercent());
    int yellow = Capacity.slots(n, capacity.yellowPercent());
    int randomPicks = Math.min(red, Capacity.slots(n, capacity.randomPercent()));
    List<Integer> open = new ArrayList<>();
    for (int i : group) {
      Optional<Lane> forced = day.get(i).forced();
      if (forced.isPresent()) {
        out[i] = new Assignment(forced.get(), false);
        switch (forced.get()) {
          case RED -> red--;
          case YELLOW -> yellow--;
          case GREEN -> { }
        }
      } else {
        open.add(i);
      }
    }
    randomPicks = Math.max(0, Math.min(randomPicks, red));
    int byScore = Math.max(0, red - randomPicks);
    open.sort(Comparator.comparingDouble((Integer i) -> -day.get(i).score()));
    int next = 0;
    for (; next < Math.min(byScore, open.size()); next++) {
      out[open.get(next)] = new Assignment(Lane.RED, false);
    }
    List<Integer> rest = new ArrayList<>(open.subList(next, open.size()));
    for (int k = 0; k < randomPicks && !rest.isEmpty(); k++) {
      int pick = rest.remove(random.nextInt(rest.size()));
      out[pick] = new Assignment(Lane.RED, true);
    }
    int yellowLeft = Math.max(0, yellow);
    for (int i : rest) {
      if (yellowLeft > 0) {
        out[i] = new Assignment(Lane.YELLOW, false);
        yellowLeft--;
      } else {
        out[i] = new Assignment(Lane.GREEN, false);
      }
    }
  }
}
