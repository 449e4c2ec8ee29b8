package org.riskgate.documents.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.SyntheticData;

/** The shipped weights load and separate a test issuer's items from another issuer's; nothing is retrained here. */
class CnnEmbedderTest {

  static CnnEmbedder cnn;

  @BeforeAll
  static void load() {
    cnn = new CnnEmbedder();
  }

  @AfterAll
  static void close() {
    cnn.close();
  }

  @Test
  void shippedWeightsAreSmall() throws IOException {
    long total = 0;
    for (Kind k : Kind.values()) {
      try (InputStream in = CnnEmbedder.class.getResourceAsStream(CnnNetwork.resource(k))) {
        assertThat(in).as(k.label()).isNotNull();
        total += in.readAllBytes().length;
      }
    }
    assertThat(total).isBetween(10_000L, 2_000_000L);
  }

  @Test
  void embeddingsAreUnitVectorsAndDeterministic() {
    SyntheticData data = new SyntheticData(7, 20);
    Issuer issuer = data.issuers(Issuer.Split.TEST).getFirst();
    for (Kind k : Kind.values()) {
      float[][] a = cnn.reference(data.reference(issuer, k, new Random(3)), k);
      float[][] b = cnn.reference(data.reference(issuer, k, new Random(3)), k);
      assertThat(a).hasNumberOfRows(Embedder.angles(k).length);
      double norm = 0;
      for (float x : a[0]) {
        norm += x * x;
      }
      assertThat(norm).isCloseTo(1.0, within(1e-3));
      assertThat(a[0]).containsExactly(b[0]);
    }
  }

  @Test
  void genuineItemsOfUnseenIssuersScoreAboveOtherIssuersItems() {
    SyntheticData data = new SyntheticData(7, 60);
    for (Kind k : Kind.values()) {
      double genuine = 0;
      double other = 0;
      int n = 4;
      for (int i = 0; i < n; i++) {
        Issuer issuer = data.issuers(Issuer.Split.TEST).get(i);
        float[][] ref = cnn.reference(data.reference(issuer, k, new Random(i)), k);
        SyntheticData.Patch g = data.patch(issuer, k, Forgery.GENUINE, new Random(100 + i));
        SyntheticData.Patch o = data.patch(issuer, k, Forgery.OTHER, new Random(200 + i));
        genuine += cnn.similarity(cnn.query(g.image(), g.box(), k), ref, k) / n;
        other += cnn.similarity(cnn.query(o.image(), o.box(), k), ref, k) / n;
      }
      assertThat(genuine).as(k.label()).isGreaterThan(other + 10);
    }
  }
}
