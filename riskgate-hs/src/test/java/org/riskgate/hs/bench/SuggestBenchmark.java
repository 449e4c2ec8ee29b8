package org.riskgate.hs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.HsToolkit;
import org.riskgate.hs.Suggestion;
import org.riskgate.hs.nomenclature.HsTree;
import org.riskgate.hs.suggest.Glossary;
import org.riskgate.hs.suggest.KnowledgeIndex;

/**
 * Suggestion latency (sampled, so JMH reports p50/p99) over the evaluation descriptions in
 * English and Korean, and the cold build of the whole knowledge index.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SuggestBenchmark {

  private HsSuggester suggester;
  private List<String> descriptions;
  private int next;

  /** Builds the toolkit once and loads the evaluation descriptions. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    suggester = HsToolkit.builtIn().suggester();
    descriptions = new ArrayList<>();
    Path eval = Path.of(System.getProperty("hs.eval", "riskgate-hs/eval/hs-eval.csv"));
    for (String line : Files.readAllLines(eval, StandardCharsets.UTF_8).subList(1, 400)) {
      // the description is the first CSV field; quoted ones keep their text between the quotes
      descriptions.add(line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",")[0]);
    }
  }

  /** One suggestion call with k = 5, cycling over the descriptions. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<Suggestion> suggest() {
    String d = descriptions.get(next++ % descriptions.size());
    return suggester.suggest(d, 5);
  }

  /** Builds the nomenclature tree, reads the glossary and indexes everything, from cold. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public KnowledgeIndex buildIndex() {
    return KnowledgeIndex.build(HsTree.hs2022(), Glossary.bundled(), KnowledgeIndex.Weights.defaults());
  }

}
