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
 * Fills the red and yellow lanes of one day under a {@link Capacity}: the capacity policy of the
 * {@link Decider}.
 *
 * <p>Order of filling, per day (or per office and day): lanes forced by analysts' rules first —
 * they always hold, and use up capacity; then the highest scores fill red, less the random share;
 * then random picks among the rest fill the random share of red; then the next highest scores fill
 * yellow; everything else is green.
 */
public final class LaneAssigner {
  private final Capacity capacity;
  private final RandomPicks random;

  /**
   * @param seed seeds the random picks, so a run can be repeated exactly
   */
  public LaneAssigner(Capacity capacity, long seed) {
    this(capacity, new RandomPicks(seed));
  }

  LaneAssigner(Capacity capacity, RandomPicks random) {
    this.capacity = capacity;
    this.random = random;
  }

  /** A declaration waiting for its lane. */
  public record Candidate(String officeId, double score, Optional<Lane> forced) {}

  /**
   * The lane given to a candidate, and where it stood.
   *
   * @param rank its place by score among the group's candidates no rule forced (1 = highest), 0
   *     for a forced one
   * @param group how many candidates shared the capacity
   * @param office the office whose capacity it was, empty when the capacity is per day
   * @param redSlots red slots given by score in the group
   * @param yellowSlots yellow slots given by score in the group
   * @param redFrom the lowest score that went red by score, infinite when none did
   * @param yellowFrom the lowest score that went yellow, infinite when none did
   */
  public record Assignment(Lane lane, boolean randomPick, int rank, int group, String office, int redSlots,
      int yellowSlots, double redFrom, double yellowFrom) {}

  /**
   * Assigns lanes to one day's candidates; the result is aligned with the input. A day's random
   * picks depend on the seed, the date and the day's candidates alone, not on the days assigned
   * before it: a file scored in pieces (windows, or a cluster's tasks) gets the same lanes.
   */
  public List<Assignment> assign(LocalDate date, List<Candidate> day) {
    SplittableRandom r = random.day(date);
    Assignment[] out = new Assignment[day.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < day.size(); i++) {
      String key = capacity.perOffice() ? day.get(i).officeId() : "";
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      assignGroup(day, group.getKey(), group.getValue(), out, r);
    }
    return List.of(out);
  }

  private void assignGroup(List<Candidate> day, String office, List<Integer> group, Assignment[] out,
      SplittableRandom random) {
    int n = group.size();
    int red = Capacity.slots(n, capacity.redPercent());
    int yellow = Capacity.slots(n, capacity.yellowPercent());
    int randomPicks = Math.min(red, Capacity.slots(n, capacity.randomPercent()));
    List<Integer> open = new ArrayList<>();
    Lane[] lane = new Lane[day.size()];
    for (int i : group) {
      Optional<Lane> forced = day.get(i).forced();
      if (forced.isPresent()) {
        lane[i] = forced.get();
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
    int[] rank = new int[day.size()];
    for (int k = 0; k < open.size(); k++) {
      rank[open.get(k)] = k + 1;
    }
    int next = 0;
    double redFrom = Double.POSITIVE_INFINITY;
    for (; next < Math.min(byScore, open.size()); next++) {
      lane[open.get(next)] = Lane.RED;
      redFrom = day.get(open.get(next)).score();
    }
    List<Integer> rest = new ArrayList<>(open.subList(next, open.size()));
    boolean[] picked = new boolean[day.size()];
    for (int k = 0; k < randomPicks && !rest.isEmpty(); k++) {
      int pick = rest.remove(random.nextInt(rest.size()));
      lane[pick] = Lane.RED;
      picked[pick] = true;
    }
    int yellowSlots = Math.max(0, Math.min(yellow, rest.size()));
    double yellowFrom = Double.POSITIVE_INFINITY;
    for (int k = 0; k < rest.size(); k++) {
      int i = rest.get(k);
      lane[i] = k < yellowSlots ? Lane.YELLOW : Lane.GREEN;
      if (k < yellowSlots) {
        yellowFrom = day.get(i).score();
      }
    }
    for (int i : group) {
      out[i] = new Assignment(lane[i], picked[i], rank[i], n, office, next, yellowSlots, redFrom, yellowFrom);
    }
  }
}
