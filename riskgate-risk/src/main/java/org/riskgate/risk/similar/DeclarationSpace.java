package org.riskgate.risk.similar;

import java.util.ArrayList;
import java.util.List;
import org.riskgate.risk.features.ColumnMoments;
import org.riskgate.risk.features.FeaturePipeline;

/**
 * The space declarations are clustered and compared in: the declaration's own numbers (tax rate,
 * price, mass, unit value, tax at stake and the 0/1 facts), each standardised on the rows the
 * space was fitted on; a missing number sits at the mean. Codes are left out (a vocabulary number
 * has no distance), and so are the histories (they grow through the year) and the day of the week.
 */
public final class DeclarationSpace {
  private final int[] columns;
  private final List<String> names;
  private final float[] mean;
  private final float[] sd;

  private DeclarationSpace(int[] columns, List<String> names, float[] mean, float[] sd) {
    this.columns = columns;
    this.names = List.copyOf(names);
    this.mean = mean;
    this.sd = sd;
  }

  /** Fitted on {@code rows} rows of the pipeline's matrix {@code x}, whose columns are {@code features}. */
  public static DeclarationSpace fit(float[] x, int rows, List<String> features) {
    List<Integer> keep = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < features.size(); c++) {
      String n = features.get(c);
      if (!FeaturePipeline.code(n) && !FeaturePipeline.fromHistory(n) && !FeaturePipeline.identity(n)
          && !n.equals("day_of_week")) {
        keep.add(c);
        names.add(n);
      }
    }
    if (keep.isEmpty()) {
      throw new IllegalArgumentException("no declaration numbers among the features " + features);
    }
    int cols = features.size();
    int[] columns = keep.stream().mapToInt(Integer::intValue).toArray();
    float[] mean = new float[columns.length];
    float[] sd = new float[columns.length];
    for (int j = 0; j < columns.length; j++) {
      ColumnMoments c = ColumnMoments.of(x, rows, cols, columns[j]);
      mean[j] = c.mean();
      sd[j] = c.sd();
    }
    return new DeclarationSpace(columns, names, mean, sd);
  }

  public int dimension() {
    return columns.length;
  }

  /** The feature each dimension standardises. */
  public List<String> names() {
    return names;
  }

  /** Rows [from, to) of {@code x} ({@code cols} wide) as vectors, {@link #dimension()} each. */
  public float[] vectors(float[] x, int from, int to, int cols) {
    int d = columns.length;
    float[] out = new float[(to - from) * d];
    for (int r = from; r < to; r++) {
      for (int j = 0; j < d; j++) {
        float v = x[r * cols + columns[j]];
        out[(r - from) * d + j] = Float.isNaN(v) ? 0 : (v - mean[j]) / sd[j];
      }
    }
    return out;
  }
}
