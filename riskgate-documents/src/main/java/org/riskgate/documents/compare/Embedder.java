package org.riskgate.documents.compare;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;

/**
 * Turns regions into vectors and compares them. A reference gives one or more vectors (the CNN:
 * one per rotation tried; the classical method: its ink map), a query one; the similarity of a
 * query to a reference is the best over the reference's vectors.
 */
public interface Embedder {

  /** Which method this is. */
  Method method();

  /**
   * The name under which a reference's vectors are stored; changes when their format does, so a
   * registry recomputes them from the stored image instead of misreading old ones.
   */
  default String storageName() {
    return method().label();
  }

  /** The vectors of a reference image (the whole image is the stamp or signature). */
  float[][] reference(BufferedImage image, Kind kind);

  /** The vector of a region on a page. */
  float[] query(BufferedImage page, Box box, Kind kind);

  /** Similarity 0..100 of a query's vector to a reference's vectors (the best over them). */
  double similarity(float[] query, float[][] reference, Kind kind);

  /** Similarity 0..100 as the best cosine (dot product of unit vectors) of a query vector to a reference's vectors. */
  static double cosine(float[] query, float[][] reference) {
    double best = 0;
    for (float[] r : reference) {
      if (r.length != query.length) {
        throw new IllegalArgumentException("embedding sizes differ: " + r.length + " vs " + query.length);
      }
      double dot = 0;
      for (int i = 0; i < r.length; i++) {
        dot += r[i] * query[i];
      }
      best = Math.max(best, dot);
    }
    return Math.clamp(best * 100, 0, 100);
  }

  /** A whole reference image's normalised ink maps, one at every angle of {@link #angles}. */
  static float[][] referenceMaps(BufferedImage image, Kind kind) {
    InkMap.Raw raw = InkMap.extract(image, new Box(0, 0, image.getWidth(), image.getHeight()));
    double[] angles = angles(kind);
    float[][] maps = new float[angles.length][];
    for (int i = 0; i < angles.length; i++) {
      maps[i] = InkMap.normalise(InkMap.rotate(raw, angles[i]), kind);
    }
    return maps;
  }

  /** The angles (degrees) at which references are embedded: stamps are put down at any tilt, signatures barely tilt. */
  static double[] angles(Kind kind) {
    int range = kind == Kind.STAMP ? 36 : 6;
    int step = 3;
    double[] a = new double[2 * range / step + 1];
    for (int i = 0; i < a.length; i++) {
      a[i] = -range + i * step;
    }
    return a;
  }
}
