package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskgate.selectivity.Reason;
import org.riskgate.server.Json;

/** Reasons stored before reasons were marked decisive still read back. */
class StoredReasonsTest {
  @Test
  void reasonsStoredWithoutTheDecisiveMarkReadBackAsNotDecisive() throws Exception {
    List<Reason> old = DeclarationStore.reasons("[{\"source\":\"model\",\"text\":\"tax at stake 363,934\",\"weight\":0.41}]");
    assertThat(old).containsExactly(new Reason("model", "tax at stake 363,934", 0.41, false));
    Reason decisive = new Reason("rule:steel", "steel is inspected", 0, true);
    assertThat(DeclarationStore.reasons(Json.write(List.of(decisive)))).containsExactly(decisive);
  }
}
