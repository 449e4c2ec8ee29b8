package org.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.riskgate.core.Declaration;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.profiles.Share;

/** Party profiles on Spark are those of {@code riskgate profile}, for every party of every role. */
class SparkProfilesTest {

  @Test
  void everyPartysProfileOnSparkIsTheSingleMachines() throws Exception {
    List<Declaration> history = LocalSpark.read(LocalSpark.TRAIN);
    ProfileStore store = ProfileStore.build(history, ProfileConfig.defaults());
    Dataset<Row> rows = LocalSpark.csv(LocalSpark.TRAIN);
    // mid-year: the trend windows and the as-of date cut the history (later rows must not count)
    for (LocalDate asOf : List.of(LocalDate.of(2020, 7, 15))) {
      Map<String, PartyProfile> spark = new HashMap<>();
      for (Row r : SparkProfiles.profiles(rows, asOf, ProfileConfig.defaults(), List.of(PartyRole.values()))
          .collectAsList()) {
        PartyProfile p = SparkProfiles.toProfile(r);
        spark.put(p.role() + "/" + p.partyId(), p);
      }
      int compared = 0;
      int withTrend = 0;
      for (PartyRole role : PartyRole.values()) {
        for (String party : store.parties(role)) {
          var expected = store.profile(role, party, asOf);
          PartyProfile actual = spark.remove(role + "/" + party);
          if (expected.isEmpty()) {
            assertThat(actual).as("%s %s has no declaration before %s", role, party, asOf).isNull();
            continue;
          }
          assertThat(actual).as("%s %s", role, party).isNotNull();
          assertSame(expected.get(), actual);
          compared++;
          withTrend += expected.get().recentDeclarations() > 0 && expected.get().previousDeclarations() > 0 ? 1 : 0;
        }
      }
      assertThat(spark).as("parties only Spark found").isEmpty();
      assertThat(compared).isGreaterThan(5_000);
      assertThat(withTrend).isGreaterThan(100);
    }
  }

  private static void assertSame(PartyProfile e, PartyProfile a) {
    String who = e.role() + " " + e.partyId() + " as of " + e.asOf();
    assertThat(a.asOf()).as(who).isEqualTo(e.asOf());
    assertThat(a.declarations()).as(who).isEqualTo(e.declarations());
    assertThat(a.firstSeen()).as(who).isEqualTo(e.firstSeen());
    assertThat(a.lastSeen()).as(who).isEqualTo(e.lastSeen());
    assertThat(a.inspected()).as(who).isEqualTo(e.inspected());
    assertThat(a.frauds()).as(who).isEqualTo(e.frauds());
    assertThat(a.recentDeclarations()).as(who).isEqualTo(e.recentDeclarations());
    assertThat(a.previousDeclarations()).as(who).isEqualTo(e.previousDeclarations());
    assertThat(a.distinctHs()).as(who).isEqualTo(e.distinctHs());
    assertThat(a.distinctOrigins()).as(who).isEqualTo(e.distinctOrigins());
    assertThat(a.rawHitRate().isPresent()).as(who).isEqualTo(e.rawHitRate().isPresent());
    if (e.rawHitRate().isPresent()) {
      close(who + " raw hit rate", a.rawHitRate().getAsDouble(), e.rawHitRate().getAsDouble());
    }
    close(who + " value", a.totalValue(), e.totalValue());
    close(who + " tax", a.totalTax(), e.totalTax());
    close(who + " hit rate", a.hitRate(), e.hitRate());
    close(who + " base rate", a.baseRate(), e.baseRate());
    close(who + " volume trend", a.volumeTrend(), e.volumeTrend());
    close(who + " hit-rate trend", a.hitRateTrend(), e.hitRateTrend());
    close(who + " risk", a.riskScore(), e.riskScore());
    shares(who + " HS", a.topHs(), e.topHs());
    shares(who + " origins", a.topOrigins(), e.topOrigins());
  }

  private static void shares(String what, List<Share> a, List<Share> e) {
    assertThat(a).as(what).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i).value()).as(what).isEqualTo(e.get(i).value());
      assertThat(a.get(i).count()).as(what).isEqualTo(e.get(i).count());
      close(what, a.get(i).share(), e.get(i).share());
    }
  }

  /** Equal to 1e-9, relative for large sums (Spark adds in another order). */
  private static void close(String what, double a, double e) {
    assertThat(Math.abs(a - e)).as("%s: %s vs %s", what, a, e).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(e)));
  }
}
