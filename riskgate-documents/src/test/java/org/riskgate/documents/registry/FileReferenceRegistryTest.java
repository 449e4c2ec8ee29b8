package org.riskgate.documents.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Reference;
import org.riskgate.documents.compare.ClassicalEmbedder;
import org.riskgate.documents.image.PageLoader;
import org.riskgate.documents.synth.SyntheticData;

class FileReferenceRegistryTest {

  @TempDir Path dir;

  private FileReferenceRegistry open() {
    return new FileReferenceRegistry(dir.resolve("reg"), new PageLoader(50_000_000), List.of(new ClassicalEmbedder()));
  }

  private Path image(int issuer, Kind kind) throws IOException {
    SyntheticData d = new SyntheticData(2, 10);
    Path p = dir.resolve(issuer + "-" + kind.label() + ".png");
    ImageIO.write(d.reference(d.issuers().get(issuer), kind, new Random(issuer)), "png", p.toFile());
    return p;
  }

  @Test
  void registerListReplaceRetireSurviveReopening() throws IOException {
    LocalDate from = LocalDate.of(2025, 1, 1);
    Reference a = open().register("KR-7", Kind.STAMP, image(0, Kind.STAMP), from, Reference.OPEN_END);
    Reference b = open().register("KR-7", Kind.STAMP, image(1, Kind.STAMP), from, LocalDate.of(2025, 6, 30));
    Reference c = open().register("KR-7", Kind.SIGNATURE, image(0, Kind.SIGNATURE), from, Reference.OPEN_END);
    assertThat(a.id()).isEqualTo("KR-7-stamp-1");
    assertThat(b.id()).isEqualTo("KR-7-stamp-2");
    assertThat(open().list()).extracting(Reference::id).containsExactly("KR-7-signature-1", "KR-7-stamp-1", "KR-7-stamp-2");
    assertThat(open().active("KR-7", Kind.STAMP, LocalDate.of(2025, 3, 1))).hasSize(2);
    assertThat(open().active("KR-7", Kind.STAMP, LocalDate.of(2025, 9, 1))).extracting(Reference::id).containsExactly("KR-7-stamp-1");
    assertThat(open().active("KR-8", Kind.STAMP, LocalDate.of(2025, 3, 1))).isEmpty();

    FileReferenceRegistry reg = open();
    ClassicalEmbedder e = new ClassicalEmbedder();
    float[][] before = reg.embeddings(a, e);
    assertThat(Files.list(dir.resolve("reg/embeddings"))).hasSize(3);
    reg.replace(a.id(), image(2, Kind.STAMP));
    float[][] after = open().embeddings(a, e);
    assertThat(after[0]).isNotEqualTo(before[0]);

    open().retire(a.id());
    assertThat(open().list().stream().filter(Reference::retired)).extracting(Reference::id).containsExactly(a.id());
    assertThat(open().active("KR-7", Kind.STAMP, LocalDate.of(2025, 3, 1))).extracting(Reference::id).containsExactly(b.id());
    assertThat(Files.exists(open().imageFile(a.id()))).isTrue();
    assertThat(c.kind()).isEqualTo(Kind.SIGNATURE);
  }

  @Test
  void vectorsOfAnOlderFormatAreRecomputedNotMisread() throws IOException {
    Reference a = open().register("KR-9", Kind.STAMP, image(3, Kind.STAMP), LocalDate.of(2025, 1, 1), Reference.OPEN_END);
    // what the HOG-based classical method stored before its vectors became ink maps
    Files.write(dir.resolve("reg/embeddings/" + a.id() + ".classical.bin"), new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8});
    // and an ink map prepared before stamp pressure was evened out
    Files.copy(dir.resolve("reg/embeddings/" + a.id() + ".classical-ink2.bin"), dir.resolve("reg/embeddings/" + a.id() + ".classical-ink.bin"));
    Files.delete(dir.resolve("reg/embeddings/" + a.id() + ".classical-ink2.bin"));
    float[][] e = open().embeddings(a, new ClassicalEmbedder());
    assertThat(e[0].length).isGreaterThan(1000);
    assertThat(dir.resolve("reg/embeddings/" + a.id() + ".classical-ink2.bin")).exists();
  }

  @Test
  void aReferenceWithoutInkIsAnEmptyPage() throws IOException {
    java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = blank.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.setColor(java.awt.Color.BLACK);
    g.drawLine(10, 10, 12, 10);
    g.dispose();
    Path p = dir.resolve("blank.png");
    ImageIO.write(blank, "png", p.toFile());
    assertThatThrownBy(() -> open().register("KR-7", Kind.STAMP, p, LocalDate.now(), Reference.OPEN_END))
        .isInstanceOf(org.riskgate.documents.DocumentInputException.EmptyPage.class).hasMessageContaining("no ink");
  }

  @Test
  void unknownIdsAndBadIssuerIdsAreRefused() throws IOException {
    assertThatThrownBy(() -> open().retire("nope")).isInstanceOf(IllegalArgumentException.class);
    Path img = image(0, Kind.STAMP);
    assertThatThrownBy(() -> open().register("../etc", Kind.STAMP, img, LocalDate.now(), Reference.OPEN_END))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
