package org.riskgate.hs.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.HsNode;
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.Suggestion;
import org.riskgate.hs.learn.HistoryModel;
import org.riskgate.hs.learn.HistoryPrediction;
import org.riskgate.hs.text.TextGuard;

/**
 * Suggests HS6 codes from the knowledge index alone, or blended with a history model when one is
 * given: {@code p = (1 - h) * p_retrieval + h * p_history} with {@code h = (1 - share) * strength},
 * where the strength says how well the nearest past description covers this one.
 */
public final class BlendedSuggester implements HsSuggester {

  private static final int CANDIDATES = 60;

  private final KnowledgeIndex index;
  private final Optional<HistoryModel> history;
  private final Calibration calibration;

  /** Creates the suggester. */
  public BlendedSuggester(KnowledgeIndex index, Optional<HistoryModel> history, Calibration calibration) {
    this.index = index;
    this.history = history;
    this.calibration = calibration;
  }

  @Override
  public List<Suggestion> suggest(String description, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    String text = TextGuard.check(description);
    List<KnowledgeIndex.Candidate> cands = index.search(text, CANDIDATES);
    Map<HsCode, Double> p = new HashMap<>(retrievalProbabilities(cands, calibration.temperature()));
    Map<HsCode, List<String>> evidence = new HashMap<>();
    for (KnowledgeIndex.Candidate c : cands) {
      evidence.put(c.code(), new ArrayList<>(c.evidence()));
    }
    if (history.isPresent()) {
      HistoryPrediction h = history.get().predict(text);
      // the history gets its full share only when a past description covers this one
      double historyShare = p.isEmpty() ? 1 : (1 - calibration.retrievalShare()) * h.strength();
      p.replaceAll((c, v) -> v * (1 - historyShare));
      h.probabilities().forEach((c, v) -> {
        if (index.contains(c)) {
          p.merge(c, historyShare * v, Double::sum);
        }
      });
      h.evidence().forEach((c, ev) -> evidence.computeIfAbsent(c, x -> new ArrayList<>()).addAll(ev));
    }
    List<Map.Entry<HsCode, Double>> ranked = new ArrayList<>(p.entrySet());
    ranked.sort(Map.Entry.<HsCode, Double>comparingByValue(Comparator.reverseOrder())
        .thenComparing(e -> e.getKey().digits()));
    List<Suggestion> out = new ArrayList<>();
    for (Map.Entry<HsCode, Double> e : ranked) {
      if (out.size() == k) {
        break;
      }
      HsCode c = e.getKey();
      String desc = index.nomenclature().find(c).map(HsNode::description).orElse("");
      double conf = Math.max(0, Math.min(1, e.getValue()));
      out.add(new Suggestion(out.size() + 1, c, c.digits().substring(0, 4), c.chapter(), desc, conf,
          evidence.getOrDefault(c, List.of())));
    }
    return List.copyOf(out);
  }

  /**
   * Softmax over score ratios with the temperature raised by low coverage; the map is empty when
   * nothing matched.
   */
  static Map<HsCode, Double> retrievalProbabilities(List<KnowledgeIndex.Candidate> cands, double temperature) {
    Map<HsCode, Double> out = new LinkedHashMap<>();
    if (cands.isEmpty() || cands.get(0).score() <= 0) {
      return out;
    }
    double max = cands.get(0).score();
    // the fewer of the description's words the best candidate explains, the less we trust the
    // ranking: a flatter softmax spreads the probability over the alternatives
    double t = temperature / Math.max(0.2, cands.get(0).coverage());
    double sum = 0;
    for (KnowledgeIndex.Candidate c : cands) {
      double w = Math.exp((c.score() / max - 1) / t);
      out.put(c.code(), w);
      sum += w;
    }
    double total = sum;
    out.replaceAll((c, w) -> w / total);
    return out;
  }
}
