package org.riskgate.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.riskgate.server.TestServer;
import org.riskgate.server.auth.Role;

/** The dashboard's per-rule and per-officer figures over real decisions and results. */
class OutcomesTest {
  private static String declaration(String id, String hs) {
    return "{\"id\":\"" + id + "\",\"date\":\"2021-04-01\",\"officeId\":\"30\",\"importerId\":\"OUT1\","
        + "\"hsCode\":\"" + hs + "\",\"originCountry\":\"BE\",\"taxRate\":8,\"netMass\":10,\"itemPrice\":1000}";
  }

  @Test
  void resultsCountForEveryRuleThatSentTheDeclarationAndForTheirOfficer() throws Exception {
    try (TestServer s = TestServer.start(Files.createTempDirectory("riskgate-outcomes"), Optional.empty(), 1 << 20,
        false)) {
      s.platform.changeRules("rule \"oak\" when hs4 = \"4408\" then lane red\n"
          + "rule \"wood\" when hs2 = \"44\" then add 0.1\n", "sue");
      for (String id : new String[] {"O-1", "O-2", "O-3"}) {
        assertThat(s.post("/api/v1/declarations", Role.ANALYST, declaration(id, id.equals("O-3") ? "940360" : "440890"))
            .statusCode()).isEqualTo(201);
      }
      assertThat(s.put("/api/v1/declarations/O-1/result", Role.ANALYST, "{\"fraud\":true,\"critical\":1,\"amount\":2500}")
          .statusCode()).isEqualTo(200);
      assertThat(s.put("/api/v1/declarations/O-2/result", Role.SUPERVISOR, "{\"fraud\":false}").statusCode())
          .isEqualTo(200);
      assertThat(s.put("/api/v1/declarations/O-3/result", Role.ANALYST, "{\"fraud\":true,\"critical\":1,\"amount\":500}")
          .statusCode()).isEqualTo(200);
      Outcomes o = Outcomes.of(s.platform.db(), Optional.empty(), Optional.empty(), Optional.empty());
      assertThat(o.revenue()).isEqualTo(3000);
      // O-1 and O-2 were sent by both rules; O-3 by none
      assertThat(o.byRule()).containsExactlyInAnyOrder(new Outcomes.Row("oak", 2, 1, 2500),
          new Outcomes.Row("wood", 2, 1, 2500));
      assertThat(o.byOfficer()).containsExactly(new Outcomes.Row("ana", 2, 2, 3000), new Outcomes.Row("sue", 1, 0, 0));
      // the period and office filters apply
      assertThat(Outcomes.of(s.platform.db(), Optional.of(LocalDate.of(2021, 4, 2)), Optional.empty(), Optional.empty())
          .byOfficer()).isEmpty();
      assertThat(Outcomes.of(s.platform.db(), Optional.empty(), Optional.empty(), Optional.of("30")).revenue())
          .isEqualTo(3000);
    }
  }
}
