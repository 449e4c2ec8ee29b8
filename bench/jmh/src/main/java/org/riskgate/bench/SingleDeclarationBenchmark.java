package org.riskgate.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.RejectFile;
import org.riskgate.risk.BlendTrainer;
import org.riskgate.risk.FeatureSet;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.xgboost.XGBoostOptions;

/**
 * Latency of deciding one declaration, as the REST API does it: features from the history, the
 * default model's score (the blend), and its explanation — exact TreeSHAP against the fast tree-path attribution,
 * measured in the same run. The model is trained once, in setup, on the bundled 2020 data with
 * the default options.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SingleDeclarationBenchmark {
  private ModelBundle bundle;
  private List<Declaration> valid;
  private float[] row;
  private int next;

  @Setup(Level.Trial)
  public void train() throws Exception {
    Path data = Path.of(System.getProperty("riskgate.data", "data/customs"));
    List<Declaration> train = DeclarationReader.readAll(data.resolve("df_syn_train_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(Path.of("target/bench-rejects.csv")));
    valid = DeclarationReader.readAll(data.resolve("df_syn_valid_eng.csv"),
        ColumnMapping.defaults(), new RejectFile(Path.of("target/bench-rejects.csv")));
    bundle = RiskTraining.fit(RiskTraining.prepare(train, Optional.empty()),
        new BlendTrainer(XGBoostOptions.DEFAULT), FeatureSet.ALL,
        new RiskTraining.Source(data.resolve("df_syn_train_eng.csv"), 0, Optional.empty()));
    row = new float[bundle.features().width()];
  }

  private Declaration nextDeclaration() {
    next = (next + 1) % valid.size();
    return valid.get(next);
  }

  @Benchmark
  public double score() {
    bundle.features().describe(nextDeclaration(), row, 0);
    return bundle.model().score(row, 1, row.length)[0];
  }

  @Benchmark
  public float[][] scoreAndExplainFast() {
    bundle.features().describe(nextDeclaration(), row, 0);
    bundle.model().score(row, 1, row.length);
    return bundle.model().contributions(row, 1, row.length, false).orElseThrow();
  }

  @Benchmark
  public float[][] scoreAndExplainExactShap() {
    bundle.features().describe(nextDeclaration(), row, 0);
    bundle.model().score(row, 1, row.length);
    return bundle.model().contributions(row, 1, row.length, true).orElseThrow();
  }
}
