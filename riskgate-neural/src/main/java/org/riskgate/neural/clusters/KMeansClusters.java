package org.riskgate.neural.clusters;

import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * k-means clusters of vectors, trained by Tribuo's {@link KMeansTrainer} (k-means++ from a seed, a
 * fixed number of threads: a seed gives the same clusters). A vector belongs to its nearest centre
 * (L2), as Tribuo assigns it.
 */
public final class KMeansClusters {
  private final DenseVector[] centres;
  private final int dimension;

  private KMeansClusters(DenseVector[] centres, int dimension) {
    this.centres = centres;
    this.dimension = dimension;
  }

  /**
   * Clusters {@code n} vectors of {@code dimension} numbers each.
   *
   * @param iterations upper bound on k-means' rounds
   */
  public static KMeansClusters fit(float[] v, int n, int dimension, int k, int iterations, long seed) {
    if (k < 2 || n < k) {
      throw new IllegalArgumentException("k-means needs 2 ≤ k ≤ rows (k " + k + ", " + n + " rows)");
    }
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("riskgate declarations",
        factory), factory);
    String[] names = names(dimension);
    for (int r = 0; r < n; r++) {
      double[] row = new double[dimension];
      for (int j = 0; j < dimension; j++) {
        row[j] = v[r * dimension + j];
      }
      data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    KMeansTrainer trainer = new KMeansTrainer(k, iterations, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS,
        1, seed);
    KMeansModel model = trainer.train(data);
    return new KMeansClusters(model.getCentroidVectors(), dimension);
  }

  /** Tribuo orders features by name: zero-padded names keep the vectors' order. */
  private static String[] names(int dimension) {
    String[] n = new String[dimension];
    for (int j = 0; j < dimension; j++) {
      n[j] = String.format("d%04d", j);
    }
    return n;
  }

  public int k() {
    return centres.length;
  }

  /** Centre {@code c}'s coordinates. */
  public float[] centre(int c) {
    float[] out = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      out[j] = (float) centres[c].get(j);
    }
    return out;
  }

  /** The squared distances of {@code n} vectors to every centre, {@link #k()} per vector. */
  public float[] distances(float[] v, int n) {
    int k = centres.length;
    float[] out = new float[n * k];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < dimension; j++) {
          double e = v[r * dimension + j] - centres[c].get(j);
          s += e * e;
        }
        out[r * k + c] = (float) s;
      }
    }
    return out;
  }

  /** Each vector's nearest centre. */
  public int[] assign(float[] v, int n) {
    int k = centres.length;
    float[] d = distances(v, n);
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (d[r * k + c] < d[r * k + best]) {
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }
}
