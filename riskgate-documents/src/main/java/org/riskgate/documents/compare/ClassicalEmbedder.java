package org.riskgate.documents.compare;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;

/** HOG on the normalised ink map; references are embedded at every angle of {@link Embedder#angles}. */
public final class ClassicalEmbedder implements Embedder {

  @Override
  public Method method() {
    return Method.CLASSICAL;
  }

  @Override
  public float[][] reference(BufferedImage image, Kind kind) {
    float[][] maps = Embedder.referenceMaps(image, kind);
    float[][] out = new float[maps.length][];
    for (int i = 0; i < maps.length; i++) {
      out[i] = describe(maps[i], kind);
    }
    return out;
  }

  @Override
  public float[] query(BufferedImage page, Box box, Kind kind) {
    return describe(InkMap.normalise(InkMap.extract(page, box), kind), kind);
  }

  private static float[] describe(float[] map, Kind kind) {
    return Hog.describe(map, InkMap.width(kind), InkMap.height(kind));
  }
}
