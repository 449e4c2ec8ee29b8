package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Reason;
import org.riskgate.selectivity.ReasonMessage;
import org.riskgate.server.Json;

/** Reasons stored before reasons were marked decisive, or had codes, still read back. */
class StoredReasonsTest {
  @Test
  void reasonsStoredWithoutTheDecisiveMarkReadBackAsNotDecisive() throws Exception {
    List<Reason> old = DeclarationStore.reasons("[{\"source\":\"model\",\"text\":\"tax at stake 363,934\",\"weight\":0.41}]");
    assertThat(old).containsExactly(new Reason("model", "tax at stake 363,934", 0.41, false));
    Reason decisive = new Reason("rule:steel", "steel is inspected", 0, true);
    assertThat(DeclarationStore.reasons(Json.write(List.of(decisive)))).containsExactly(decisive);
  }

  @Test
  void aReasonsCodeAndNestedArgumentsSurviveTheStore() {
    ReasonMessage m = ReasonMessage.of("capacity.full", "31", "24", ReasonMessage.of("where.office", "30"),
        ReasonMessage.of("what.score", "0.975"), ReasonMessage.of("instead.none"));
    Reason r = new Reason("capacity", m.english(), 0, true, m);
    Reason back = DeclarationStore.reasons(Json.write(List.of(r))).get(0);
    assertThat(back).isEqualTo(r);
    assertThat(back.text()).isEqualTo("capacity full: rank 31 of 24 red slots at office 30 (score 0.975)");
    assertThat(back.text(Locale.KOREAN)).isEqualTo("검사 용량 초과: 30 세관 적색 슬롯 24개 중 31위 (점수 0.975)");
  }
}
