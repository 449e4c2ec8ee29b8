package org.riskgate.selectivity.simulate;

import java.util.List;
import java.util.Locale;

/**
 * How a week's inspections are chosen: a share of them explores, the rest goes to the highest
 * scores.
 */
public sealed interface Strategy {
  /** The name as given on the command line; it names the strategy's rows in the tables. */
  String name();

  /** Every pick by score. */
  record Exploit() implements Strategy {
    @Override
    public String name() {
      return "exploit";
    }
  }

  /** Every pick at random: the unbiased baseline, and the only one that needs no model. */
  record Random() implements Strategy {
    @Override
    public String name() {
      return "random";
    }
  }

  /** A fixed share of the picks at random among the declarations the scores did not pick. */
  record Epsilon(double share, String name) implements Strategy {
    public Epsilon {
      checkShare(share);
    }
  }

  /**
   * A fixed share of the picks among the declarations the model is least sure of (score closest to
   * one half), the rest by score.
   */
  record Uncertainty(double share, String name) implements Strategy {
    public Uncertainty {
      checkShare(share);
    }
  }

  /**
   * The exploration share chosen each week among {@code shares} by a bandit, from the outcomes
   * revealed so far (see {@link ShareBandit}).
   */
  record Adaptive(List<Double> shares, String name) implements Strategy {
    public Adaptive {
      shares = List.copyOf(shares);
      if (shares.isEmpty()) {
        throw new IllegalArgumentException("adaptive needs shares to choose from");
      }
      shares.forEach(Strategy::checkShare);
    }
  }

  /** The shares {@code adaptive} chooses among unless told otherwise. */
  List<Double> ADAPTIVE_SHARES = List.of(0.0, 0.01, 0.05, 0.1, 0.2, 0.3);

  /** The share {@code uncertainty} spends unless told otherwise. */
  double UNCERTAINTY_SHARE = 0.1;

  private static void checkShare(double s) {
    if (!(s >= 0 && s <= 1)) {
      throw new IllegalArgumentException("an exploration share must be in [0, 1], was " + s);
    }
  }

  /**
   * Parses one of {@code exploit}, {@code random}, {@code epsilon:0.1}, {@code uncertainty} (or
   * {@code uncertainty:0.2}), {@code adaptive} (or {@code adaptive:0/0.05/0.2}).
   *
   * @throws IllegalArgumentException naming what cannot be read
   */
  static Strategy parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    String[] kv = s.split(":", 2);
    String arg = kv.length == 2 ? kv[1].trim() : "";
    return switch (kv[0]) {
      case "exploit" -> noArgument(spec, arg, new Exploit());
      case "random" -> noArgument(spec, arg, new Random());
      case "epsilon" -> {
        if (arg.isEmpty()) {
          throw new IllegalArgumentException("strategy '" + spec + "': epsilon needs its share, e.g. epsilon:0.1");
        }
        yield new Epsilon(share(spec, arg), s);
      }
      case "uncertainty" -> new Uncertainty(arg.isEmpty() ? UNCERTAINTY_SHARE : share(spec, arg), s);
      case "adaptive" -> new Adaptive(arg.isEmpty() ? ADAPTIVE_SHARES
          : java.util.Arrays.stream(arg.split("/")).map(a -> share(spec, a)).toList(), s);
      default -> throw new IllegalArgumentException("unknown strategy '" + spec
          + "' (exploit, random, epsilon:SHARE, uncertainty[:SHARE], adaptive[:S1/S2/...])");
    };
  }

  /** Parses a comma-separated list of strategies. */
  static List<Strategy> parseList(String specs) {
    List<Strategy> out = java.util.Arrays.stream(specs.split(",")).filter(x -> !x.isBlank()).map(Strategy::parse)
        .toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no strategy given");
    }
    if (out.stream().map(Strategy::name).distinct().count() < out.size()) {
      throw new IllegalArgumentException("a strategy is named twice in '" + specs + "'");
    }
    return out;
  }

  private static Strategy noArgument(String spec, String arg, Strategy s) {
    if (!arg.isEmpty()) {
      throw new IllegalArgumentException("strategy '" + spec + "': " + s.name() + " takes no share");
    }
    return s;
  }

  private static double share(String spec, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strategy '" + spec + "': '" + text + "' is not a share such as 0.1");
    }
  }
}
