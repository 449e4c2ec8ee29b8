package org.riskgate.risk.tribuo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.ModelException;
import org.riskgate.risk.Trainer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The logistic regression baseline, on standardised features. It sees exactly the features the
 * boosted trees see and ignores the validation period.
 */
public final class TribuoTrainer implements Trainer {
  private final String name;
  private final org.tribuo.Trainer<Label> trainer;
  private final Map<String, String> parameters;

  private TribuoTrainer(String name, org.tribuo.Trainer<Label> trainer, Map<String, String> parameters) {
    this.name = name;
    this.trainer = trainer;
    this.parameters = parameters;
  }

  /** Logistic regression (SGD with AdaGrad), features standardised to mean 0 and sd 1. */
  public static TribuoTrainer logisticRegression() {
    TransformationMap standardise = new TransformationMap(List.of(new MeanStdDevTransformation()));
    return new TribuoTrainer("logistic", new TransformTrainer<>(new LogisticRegressionTrainer(), standardise),
        Map.of("optimiser", "AdaGrad", "epochs", "5", "standardise", "mean/sd"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, String> parameters() {
    return new LinkedHashMap<>(parameters);
  }

  @Override
  public TrainedModel train(Dataset train, Optional<Dataset> valid) {
    String[] names = train.featureNames().toArray(String[]::new);
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("riskgate training period", new LabelFactory()), new LabelFactory());
    for (int r = 0; r < train.rows(); r++) {
      float l = train.labels()[r];
      if (Float.isNaN(l)) {
        continue;
      }
      data.add(TribuoModel.example(names, train.x(), r, train.cols(),
          new Label(l == 1f ? TribuoModel.FRAUD : TribuoModel.CLEAN)));
    }
    try {
      Model<Label> model = trainer.train(data);
      return new TrainedModel(new TribuoModel(name, model, train.featureNames()), Map.of());
    } catch (RuntimeException e) {
      throw new ModelException(name + " training failed: " + e.getMessage(), e);
    }
  }
}
