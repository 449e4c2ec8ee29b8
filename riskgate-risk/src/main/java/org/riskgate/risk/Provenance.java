package org.riskgate.risk;

import java.util.List;
import java.util.Map;

/**
 * Where a model bundle came from: enough to trace any figure in a report back to the run, the
 * data and the code that produced it.
 *
 * @param bundleId unique id of the bundle, quoted on every decision it makes
 * @param trainer trainer name, e.g. {@code xgboost}
 * @param parameters trainer parameters
 * @param trainingNotes what training found (rounds chosen by early stopping ...)
 * @param trainingFile path of the training file as given
 * @param trainingSha256 SHA-256 of the training file's bytes
 * @param periodFrom first declaration date in the training data (ISO)
 * @param periodTo last declaration date in the training data (ISO)
 * @param trainingRows declarations trained on
 * @param trainingFrauds frauds among them
 * @param trainingRejects rows of the training file that could not be read
 * @param validFile file used for early stopping, empty when an internal time holdout was used
 * @param validSha256 its SHA-256, or empty
 * @param validRows its rows, or 0
 * @param versions library and runtime versions
 * @param createdAt when the bundle was made (ISO instant)
 * @param featureNames the pipeline's feature columns, in order: every row is described with these
 * @param featureSet which of them the model learned from ({@link FeatureSet} label)
 * @param modelFeatures the features the model reads, in its own column order
 */
public record Provenance(
    String bundleId,
    String trainer,
    Map<String, String> parameters,
    Map<String, String> trainingNotes,
    String trainingFile,
    String trainingSha256,
    String periodFrom,
    String periodTo,
    long trainingRows,
    long trainingFrauds,
    long trainingRejects,
    String validFile,
    String validSha256,
    long validRows,
    Map<String, String> versions,
    String createdAt,
    List<String> featureNames,
    String featureSet,
    List<String> modelFeatures) {

  public Provenance {
    parameters = Map.copyOf(parameters);
    trainingNotes = Map.copyOf(trainingNotes);
    versions = Map.copyOf(versions);
    featureNames = List.copyOf(featureNames);
    modelFeatures = List.copyOf(modelFeatures);
  }
}
