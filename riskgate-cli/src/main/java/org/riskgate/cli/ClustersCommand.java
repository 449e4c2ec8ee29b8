package org.riskgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.neural.clusters.KMeansClusters;
import org.riskgate.neural.clusters.RiskGroups;
import org.riskgate.risk.Dataset;
import org.riskgate.risk.RiskTraining;
import org.riskgate.risk.similar.DeclarationSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskgate clusters}: k-means clusters of declarations or importers as high-risk groups. */
@Command(name = "clusters", mixinStandardHelpOptions = true,
    description = "Cluster the inspected declarations of a period (or its importers, by their declarations' mean) with "
        + "k-means over the declarations' own standardised numbers, and list the clusters by fraud rate, with counts; "
        + "writes them as CSV with a provenance file beside it.")
final class ClustersCommand implements Callable<Integer> {
  enum Of { DECLARATIONS, IMPORTERS }

  @Option(names = "--train", required = true, paramLabel = "LABELLED",
      description = "Labelled declarations: a CSV or Parquet file or a lake directory (--from/--to pick the period).")
  Path train;

  @Option(names = "--of", defaultValue = "declarations", paramLabel = "declarations|importers",
      description = "What is clustered: each declaration, or each importer (the mean of its declarations). Default: ${DEFAULT-VALUE}.")
  Of of;

  @Option(names = "--k", defaultValue = "12", description = "Number of clusters (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--seed", defaultValue = "42", description = "k-means++ seed (default ${DEFAULT-VALUE}): a seed gives the same clusters.")
  long seed;

  @Option(names = "--iterations", defaultValue = "100", description = "Most k-means rounds (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--output", required = true, paramLabel = "CSV",
      description = "Where to write the clusters; CSV.provenance.json is written beside it.")
  Path output;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    Path dir = output.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    InputOptions.Loaded loaded = input.readAll(train, dir);
    System.out.println(loaded.describe(train));
    RiskTraining.Prepared p = RiskTraining.prepare(loaded.rows(), Optional.empty());
    Dataset d = p.train();
    DeclarationSpace space = DeclarationSpace.fit(d.x(), d.rows(), d.featureNames());
    float[] v = space.vectors(d.x(), 0, d.rows(), d.cols());
    int dim = space.dimension();
    long[] declarations;
    long[] frauds;
    int n;
    if (of == Of.DECLARATIONS) {
      n = d.rows();
      declarations = new long[n];
      frauds = new long[n];
      for (int r = 0; r < n; r++) {
        declarations[r] = 1;
        frauds[r] = d.labels()[r] == 1f ? 1 : 0;
      }
    } else {
      // an importer is the mean of its declarations' vectors; a declaration's importer is its code
      int importer = d.featureNames().indexOf("importer_id");
      Map<Integer, Integer> index = new LinkedHashMap<>();
      for (int r = 0; r < d.rows(); r++) {
        index.putIfAbsent(code(d, r, importer), index.size());
      }
      n = index.size();
      declarations = new long[n];
      frauds = new long[n];
      float[] sums = new float[n * dim];
      for (int r = 0; r < d.rows(); r++) {
        int i = index.get(code(d, r, importer));
        declarations[i]++;
        frauds[i] += d.labels()[r] == 1f ? 1 : 0;
        for (int j = 0; j < dim; j++) {
          sums[i * dim + j] += v[r * dim + j];
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < dim; j++) {
          sums[i * dim + j] /= declarations[i];
        }
      }
      v = sums;
    }
    long t0 = System.nanoTime();
    KMeansClusters clusters = KMeansClusters.fit(v, n, dim, k, iterations, seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<RiskGroups.Group> groups = RiskGroups.of(clusters, clusters.assign(v, n), declarations, frauds, space.names());
    String unit = of == Of.DECLARATIONS ? "declarations" : "importers";
    System.out.printf(Locale.ROOT, "k-means: %d clusters of %,d %s in %.1f s (seed %d); overall fraud rate %.3f%n",
        k, n, unit, seconds, seed, d.positiveRate());
    System.out.println("| cluster | " + unit + " | their declarations | frauds | fraud rate | centre |");
    System.out.println("|---:|---:|---:|---:|---:|---|");
    try (BufferedWriter w = Files.newBufferedWriter(output)) {
      w.write("cluster," + unit + ",their_declarations,frauds,fraud_rate,centre\n");
      for (RiskGroups.Group g : groups) {
        System.out.printf(Locale.ROOT, "| %d | %,d | %,d | %,d | %.3f | %s |%n", g.cluster(), g.members(),
            g.declarations(), g.frauds(), g.fraudRate(), g.profile());
        w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%.4f,\"%s\"%n", g.cluster(), g.members(), g.declarations(),
            g.frauds(), g.fraudRate(), g.profile()));
      }
    }
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("command", "riskgate clusters");
    prov.put("data", train.toString());
    prov.put("data_sha256", RiskTraining.sha256(train));
    prov.put("period_from", p.from().toString());
    prov.put("period_to", p.to().toString());
    prov.put("inspected_declarations", d.rows());
    prov.put("clustered", unit);
    prov.put("members", n);
    prov.put("algorithm", "Tribuo KMeansTrainer, k-means++, L2, 1 thread");
    prov.put("k", k);
    prov.put("seed", seed);
    prov.put("max_iterations", iterations);
    prov.put("space", space.names());
    prov.put("tribuo", org.tribuo.Tribuo.VERSION);
    prov.put("created_at", Instant.now().toString());
    Path provenance = output.resolveSibling(output.getFileName() + ".provenance.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(provenance.toFile(), prov);
    System.out.println("written: " + output + " and " + provenance);
    return 0;
  }

  private static int code(Dataset d, int r, int column) {
    float c = d.x()[r * d.cols() + column];
    return Float.isNaN(c) ? -1 : (int) c;
  }
}
