package org.riskgate.selectivity.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.Declaration;
import org.riskgate.selectivity.RuleError;
import org.riskgate.selectivity.RuleHit;
import org.riskgate.selectivity.RuleOutcome;
import org.riskgate.selectivity.RuleSet;

/**
 * A parsed, checked rule file: immutable and safe to share between threads. Applying it never
 * throws; a rule that cannot be decided for a declaration is reported as a {@link RuleError} and
 * skipped for that declaration only.
 */
public final class RuleBook implements RuleSet {
  private final String source;
  private final List<CompiledRule> rules;

  RuleBook(String source, List<CompiledRule> rules) {
    this.source = source;
    this.rules = List.copyOf(rules);
  }

  /** Where the rules came from (a file name). */
  public String source() {
    return source;
  }

  /** The rules, in file order. */
  public List<RuleInfo> rules() {
    return rules.stream().map(CompiledRule::info).toList();
  }

  @Override
  public RuleOutcome apply(Declaration declaration, double score, Map<String, Double> attributes) {
    Input in = new Input(declaration, score, attributes == null ? Map.of() : attributes);
    List<RuleHit> hits = null;
    List<RuleError> errors = null;
    for (CompiledRule r : rules) {
      RuleInfo info = r.info();
      if (!info.validOn(declaration.date())) {
        continue;
      }
      try {
        if (r.condition().test(in)) {
          if (hits == null) {
            hits = new ArrayList<>(2);
          }
          hits.add(new RuleHit(info.id(), info.reason(), info.lane(), info.scoreDelta(), info.message()));
        }
      } catch (EvalException e) {
        if (errors == null) {
          errors = new ArrayList<>(2);
        }
        errors.add(new RuleError(info.id(), e.words()));
      } catch (RuntimeException e) {
        // A bug in a getter must not stop the border: report it like any rule failure.
        if (errors == null) {
          errors = new ArrayList<>(2);
        }
        errors.add(new RuleError(info.id(), RuleProblem.words("eval.internal", e.toString())));
      }
    }
    if (hits == null && errors == null) {
      return RuleOutcome.NONE;
    }
    return new RuleOutcome(hits == null ? List.of() : hits, errors == null ? List.of() : errors);
  }

  /** One rule by id. */
  public Optional<RuleInfo> rule(String id) {
    return rules().stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
