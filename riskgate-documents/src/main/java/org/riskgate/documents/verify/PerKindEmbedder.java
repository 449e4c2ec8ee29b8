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

  @Override
  public float[][] reference(BufferedImage image, Kind kind) {
    return of(kind).reference(image, kind);
  }

  @Override
  public float[] query(BufferedImage page, Box box, Kind kind) {
    return of(kind).query(page, box, kind);
  }
}
