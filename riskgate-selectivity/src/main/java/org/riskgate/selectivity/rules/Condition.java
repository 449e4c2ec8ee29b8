package org.riskgate.selectivity.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A compiled {@code when} part: a tree evaluated per declaration with no parsing left. */
sealed interface Condition {

  boolean test(Input in) throws EvalException;

  enum Op {
    EQ, NEQ, LT, LE, GT, GE;

    boolean holds(int cmp) {
      return switch (this) {
        case EQ -> cmp == 0;
        case NEQ -> cmp != 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
      };
    }
  }

  record And(Condition left, Condition right) implements Condition {
    public boolean test(Input in) throws EvalException {
      return left.test(in) && right.test(in);
    }
  }

  record Or(Condition left, Condition right) implements Condition {
    public boolean test(Input in) throws EvalException {
      return left.test(in) || right.test(in);
    }
  }

  record Not(Condition inner) implements Condition {
    public boolean test(Input in) throws EvalException {
      return !inner.test(in);
    }
  }

  record TextCompare(Fields.TextGetter field, Op op, String value) implements Condition {
    public boolean test(Input in) {
      return op.holds(field.get(in).compareTo(value));
    }
  }

  record TextIn(Fields.TextGetter field, Set<String> values, boolean negated) implements Condition {
    public boolean test(Input in) {
      return values.contains(field.get(in)) != negated;
    }
  }

  record StartsWith(Fields.TextGetter field, List<String> prefixes) implements Condition {
    public boolean test(Input in) {
      String v = field.get(in);
      for (String p : prefixes) {
        if (v.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A text field's value on a supervisor's watchlist, looked up when evaluated: lists change. */
  record InWatchlist(Fields.TextGetter field, String list, org.riskgate.selectivity.watch.Watchlists lists,
      boolean negated) implements Condition {
    public boolean test(Input in) throws EvalException {
      org.riskgate.selectivity.watch.Watchlist w = lists.named(list)
          .orElseThrow(() -> new EvalException("eval.watchlistGone", list));
      return w.contains(field.get(in)) != negated;
    }
  }

  record NumberCompare(Fields.NumberGetter field, Op op, double value) implements Condition {
    public boolean test(Input in) throws EvalException {
      return op.holds(Double.compare(field.get(in), value));
    }
  }

  record NumberIn(Fields.NumberGetter field, double[] values, boolean negated) implements Condition {
    public boolean test(Input in) throws EvalException {
      double v = field.get(in);
      for (double x : values) {
        if (Double.compare(v, x) == 0) {
          return !negated;
        }
      }
      return negated;
    }
  }

  record DateCompare(Fields.DateGetter field, Op op, LocalDate value) implements Condition {
    public boolean test(Input in) {
      return op.holds(field.get(in).compareTo(value));
    }
  }

  record DateIn(Fields.DateGetter field, Set<LocalDate> values, boolean negated) implements Condition {
    public boolean test(Input in) {
      return values.contains(field.get(in)) != negated;
    }
  }
}
