package org.riskgate.documents.compare;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;

/**
 * Registration and chamfer comparison with OpenCV ({@link InkAlignment}): a reference is stored
 * as its ink map at working resolution, a query is aligned onto it and the differences are
 * scored by the shipped {@link ClassicalModel}; the similarity is 100 times its probability of
 * a genuine impression.
 */
public final class ClassicalEmbedder implements Embedder {

  private final ClassicalModel model;

  /**
   * With the shipped model.
   *
   * @throws IllegalStateException when OpenCV's natives do not load
   */
  public ClassicalEmbedder() {
    this.model = ClassicalModel.shipped();
    OpenCv.load();
  }

  @Override
  public Method method() {
    return Method.CLASSICAL;
  }

  /**
   * {@code classical-ink2}: ink maps with a stamp's pressure evened out. Maps stored by earlier
   * versions ({@code classical-ink}, or the HOG vectors before it) are recomputed from the image.
   */
  @Override
  public String storageName() {
    return "classical-ink2";
  }

  @Override
  public float[][] reference(BufferedImage image, Kind kind) {
    return new float[][] {referenceInk(image, kind).encode()};
  }

  @Override
  public float[] query(BufferedImage page, Box box, Kind kind) {
    return queryInk(page, box, kind).encode();
  }

  @Override
  public double similarity(float[] query, float[][] reference, Kind kind) {
    InkAlignment.Ink q = InkAlignment.Ink.decode(query);
    double best = 0;
    for (float[] r : reference) {
      best = Math.max(best, 100 * model.probability(kind, q.dark(), InkAlignment.features(InkAlignment.Ink.decode(r), q, kind)));
    }
    return best;
  }

  /** The features of a query against a reference (for fitting the model). */
  static double[] features(float[] query, float[] reference, Kind kind) {
    return InkAlignment.features(InkAlignment.Ink.decode(reference), InkAlignment.Ink.decode(query), kind);
  }

  /** A reference image's ink: the whole image is the item, on clean paper. */
  static InkAlignment.Ink referenceInk(BufferedImage image, Kind kind) {
    return InkAlignment.prepare(raw(image, new Box(0, 0, image.getWidth(), image.getHeight())), null, kind);
  }

  /**
   * A region's ink on a page; for a stamp measured by darkness also where printed text lies
   * (see {@link InkMap#toner}), which the comparison then leaves out. Signatures are written in
   * dark ink as black as toner, and rarely over text.
   */
  static InkAlignment.Ink queryInk(BufferedImage page, Box box, Kind kind) {
    InkMap.Raw raw = raw(page, box);
    return InkAlignment.prepare(raw, raw.dark() && kind == Kind.STAMP ? InkMap.toner(page, box) : null, kind);
  }

  private static InkMap.Raw raw(BufferedImage image, Box box) {
    // a faint coloured stamp over dense black text has far fewer coloured than dark pixels, yet
    // chroma still tells it from the text; only a photocopy or black ink leaves no colour at all
    return InkMap.extract(image, box, 0.02, 0.002);
  }
}
