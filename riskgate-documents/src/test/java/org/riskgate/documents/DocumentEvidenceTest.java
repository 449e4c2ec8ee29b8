package org.riskgate.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.Evidence;

/** Reports read back from {@code verify --json} lines keep their stamps' text checks, which reach the evidence. */
class DocumentEvidenceTest {

  @TempDir Path dir;

  private static Declaration decl(String id) {
    return new Declaration(id, LocalDate.of(2021, 1, 4), "30", "B", "21", "21", "11", "10", "DEC1", "IMP1", "SEL1",
        "", "853890", "CN", "CN", 8.0, "A", "G", 10, 100, Optional.empty(), OptionalDouble.empty(), "");
  }

  @Test
  void aStampWhoseTextDiffersIsAFigureAndAFinding() throws IOException {
    Path f = dir.resolve("reports.jsonl");
    Files.writeString(f, """
        {"declaration_id":"D1","document":"a.png","issuer":"KR-017","method":"best","regions":[{"kind":"stamp","box":[1,2,300,300],"confidence":0.9,"similarity":91.0,"verdict":"consistent","text":{"check":"differs","read":"CHAMBER OF COMAERCE","registered":"CHAMBER OF COMMERCE","edits":1}}]}
        {"declaration_id":"D2","document":"b.png","issuer":"KR-017","method":"best","regions":[{"kind":"stamp","box":[1,2,300,300],"confidence":0.9,"similarity":91.0,"verdict":"consistent","text":{"check":"matches","read":"X","registered":"X"}}]}
        {"declaration_id":"D3","document":"c.png","issuer":"KR-017","method":"best","regions":[{"kind":"stamp","box":[1,2,300,300],"confidence":0.9,"similarity":91.0,"verdict":"consistent"}]}
        """);
    DocumentEvidence ev = DocumentEvidence.read(f);
    Evidence d1 = ev.about(decl("D1"));
    assertThat(d1.figures()).containsEntry("docs.text_differs", 1.0).containsEntry("docs.suspicious", 0.0);
    assertThat(d1.findings()).singleElement().satisfies(x -> assertThat(x.text()).contains("COMAERCE", "CHAMBER OF COMMERCE"));
    // the finding in Korean, as a Korean page shows it
    assertThat(d1.findings().get(0).render(java.util.Locale.KOREAN))
        .isEqualTo("a.png: 인장 91.0 % 일치 (읽은 문구 'CHAMBER OF COMAERCE', 등록 문구 'CHAMBER OF COMMERCE') (발급기관 KR-017)");
    assertThat(ev.about(decl("D2")).figures()).containsEntry("docs.text_differs", 0.0);
    assertThat(ev.about(decl("D2")).findings()).isEmpty();
    // a report written before the text check: nothing read, nothing differs
    assertThat(ev.about(decl("D3")).figures()).containsEntry("docs.text_differs", 0.0);
  }

  @Test
  void anUnknownTextCheckNamesFileLineAndField() throws IOException {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, """
        {"declaration_id":"D1","document":"a.png","issuer":"KR-017","method":"best","regions":[{"kind":"stamp","box":[1,2,300,300],"confidence":0.9,"similarity":91.0,"verdict":"consistent","text":{"check":"maybe"}}]}
        """);
    assertThatThrownBy(() -> DocumentEvidence.read(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.jsonl:1").hasMessageContaining("text.check").hasMessageContaining("maybe");
  }
}
