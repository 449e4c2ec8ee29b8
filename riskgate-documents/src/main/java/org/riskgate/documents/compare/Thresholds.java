package org.riskgate.documents.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Method;

/**
 * Decision thresholds (similarity %, accepted at or above) per method and kind, chosen at the
 * equal error rate on validation issuers by {@code riskgate docs evaluate} and shipped as
 * {@code thresholds.properties}.
 *
 * @param stamp threshold for stamps
 * @param signature threshold for signatures
 */
public record Thresholds(double stamp, double signature) {

  /** The threshold for a kind. */
  public double of(Kind kind) {
    return switch (kind) {
      case STAMP -> stamp;
      case SIGNATURE -> signature;
    };
  }

  /** The shipped thresholds of a method. */
  public static Thresholds shipped(Method method) {
    Properties p = new Properties();
    try (InputStream in = Thresholds.class.getResourceAsStream("/org/riskgate/documents/thresholds.properties")) {
      if (in == null) {
        throw new IllegalStateException("thresholds.properties is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("thresholds.properties is unreadable", e);
    }
    // BEST borrows each kind's threshold from the method it uses for that kind
    String s = method.forKind(Kind.STAMP).label();
    String g = method.forKind(Kind.SIGNATURE).label();
    return new Thresholds(
        Double.parseDouble(p.getProperty(s + ".stamp", "NaN")), Double.parseDouble(p.getProperty(g + ".signature", "NaN")));
  }
}
