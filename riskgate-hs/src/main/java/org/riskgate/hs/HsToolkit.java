package org.riskgate.hs;

import java.nio.file.Path;
import java.util.Optional;
import org.riskgate.hs.check.RequirementTable;
import org.riskgate.hs.check.SuggestionChecker;
import org.riskgate.hs.learn.HistoryModel;
import org.riskgate.hs.learn.SavedModel;
import org.riskgate.hs.nomenclature.HsTree;
import org.riskgate.hs.suggest.BlendedSuggester;
import org.riskgate.hs.suggest.Calibration;
import org.riskgate.hs.suggest.Glossary;
import org.riskgate.hs.suggest.KnowledgeIndex;

/**
 * Assembles the nomenclature, the suggester and the checker. Building takes a couple of seconds
 * (index and Korean dictionary); build once and share: every part is thread-safe.
 *
 * @param nomenclature the HS tree
 * @param suggester the HS6 suggester
 * @param checker the declaration checker
 * @param requirements the review-object requirement table in use
 */
public record HsToolkit(
    Nomenclature nomenclature, HsSuggester suggester, HsChecker checker, RequirementTable requirements) {

  /** The toolkit from bundled knowledge only (nomenclature, glossary, requirement table). */
  public static HsToolkit builtIn() {
    return create(Optional.empty(), Optional.empty());
  }

  /**
   * The toolkit with an optional trained model directory (from {@code hs train}) and an optional
   * requirement table file replacing the bundled one.
   */
  public static HsToolkit create(Optional<Path> modelDir, Optional<Path> requirementTable) {
    return create(modelDir, requirementTable, Optional.empty());
  }

  /**
   * As {@link #create(Optional, Optional)}, with national 8-10 digit lines added to the tree from
   * a CSV with columns {@code code,description} (so declared national codes can be validated).
   */
  public static HsToolkit create(
      Optional<Path> modelDir, Optional<Path> requirementTable, Optional<Path> nationalLines) {
    HsTree tree = HsTree.hs2022(nationalLines);
    KnowledgeIndex index = KnowledgeIndex.build(tree, Glossary.bundled(), KnowledgeIndex.Weights.defaults());
    Optional<HistoryModel> model = modelDir.map(SavedModel::load);
    HsSuggester suggester = new BlendedSuggester(index, model, Calibration.defaults());
    RequirementTable table = requirementTable.map(RequirementTable::load).orElseGet(RequirementTable::bundled);
    return new HsToolkit(tree, suggester, new SuggestionChecker(suggester, table, tree), table);
  }
}
