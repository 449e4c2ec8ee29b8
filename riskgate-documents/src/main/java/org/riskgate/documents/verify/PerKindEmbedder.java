package org.riskgate.documents.verify;

import java.awt.image.BufferedImage;
import org.riskgate.documents.Box;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;
import org.riskgate.documents.compare.Embedder;

/** Embeds each kind with the method {@link Method#forKind} names for it. */
final class PerKindEmbedder implements Embedder {

  private final Method method;
  private final Embedder stamp;
  private final Embedder signature;

  PerKindEmbedder(Method method) {
    this.method = method;
    this.stamp = DefaultDocumentVerifier.embedder(method.forKind(Kind.STAMP));
    this.signature = DefaultDocumentVerifier.embedder(method.forKind(Kind.SIGNATURE));
  }

  private Embedder of(Kind kind) {
    return switch (kind) {
      case STAMP -> stamp;
      case SIGNATURE -> signature;
    };
  }

  @Override
  public Method method() {
    return method;
  }

  /** One file holds both kinds' vectors, so the name says which method each kind uses. */
  @Override
  public String storageName() {
    return method.label() + "-" + stamp.storageName() + "-" + signature.storageName();
  }

  @Override
  public float[][] reference(BufferedImage image, Kind kind) {
    return of(kind).reference(image, kind);
  }

  @Override
  public double similarity(float[] query, float[][] reference, Kind kind) {
    return of(kind).similarity(query, reference, kind);
  }

  @Override
  public float[] query(BufferedImage page, Box box, Kind kind) {
    return of(kind).query(page, box, kind);
  }
}
