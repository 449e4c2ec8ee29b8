package org.riskgate.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskgate.server.MovingClock;
import org.riskgate.server.RetryLater;
import org.riskgate.server.store.AuditLog;
import org.riskgate.server.store.Database;
import org.riskgate.server.store.UserStore;

/** Credentials that end, and guessing that is slowed down, against a real store and a clock we move. */
class AuthServiceTest {
  private static final String PW = "correct-horse-battery";
  private Database db;
  private MovingClock clock;
  private AuthService auth;


  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:mem:auth" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
    auth = new AuthService(new UserStore(db), 4, Duration.ofDays(90), clock);
    auth.createUser("ana", PW, Role.ANALYST, false, "test");
    auth.createUser("adam", PW, Role.ADMIN, false, "test");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void guessingWaitsLongerAfterEachFailureAndTheRightPasswordDoesNotHelpMeanwhile() {
    for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
      assertThat(auth.login("ana", "wrong-password-" + i, "10.0.0." + i)).isEmpty();
    }
    // the right password, from a fresh address, during the wait: refused without being checked
    assertThatThrownBy(() -> auth.login("ana", PW, "10.0.1.1"))
        .isInstanceOfSatisfying(RetryLater.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
    clock.advance(Duration.ofSeconds(2));
    assertThat(auth.login("ana", "wrong-again-1", "10.0.1.1")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> auth.login("ana", PW, "10.0.1.1")).isInstanceOf(RetryLater.class)
        .satisfies(e -> assertThat(((RetryLater) e).retryAfterSeconds()).isEqualTo(1));
    clock.advance(Duration.ofSeconds(2));
    assertThat(auth.login("ana", PW, "10.0.1.1")).isPresent();
    // success clears the account: the next mistake costs no wait
    assertThat(auth.login("ana", "one-more-wrong", "10.0.1.1")).isEmpty();
    assertThat(auth.login("ana", PW, "10.0.1.1")).isPresent();
    // every failure is in the audit log, with the address
    assertThat(AuditLog.latest(db, "ana", 100).stream().filter(e -> e.kind().equals("login_failed")).count())
        .isEqualTo(LoginThrottle.FREE_ACCOUNT_FAILURES + 2);
    assertThat(AuditLog.latest(db, "ana", 1).get(0).detail()).contains("10.0.1.1");
  }

  @Test
  void oneAddressTryingManyAccountsWaitsToo() {
    for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
      assertThat(auth.login("user" + i, "wrong-password-x", "10.9.9.9")).isEmpty();
    }
    assertThatThrownBy(() -> auth.login("adam", PW, "10.9.9.9")).isInstanceOf(RetryLater.class);
    assertThat(auth.login("adam", PW, "10.9.9.8")).isPresent();
  }

  @Test
  void tokensExpire() {
    String token = auth.issueToken("ana", "ci", Optional.of(Duration.ofDays(1)));
    assertThat(auth.byToken(token)).isPresent();
    clock.advance(Duration.ofHours(25));
    assertThat(auth.byToken(token)).isEmpty();
    assertThatThrownBy(() -> auth.issueToken("ana", "ci", Optional.of(Duration.ofDays(400))))
        .isInstanceOf(IllegalArgumentException.class);
    String dflt = auth.issueToken("ana", "ci", Optional.empty());
    clock.advance(Duration.ofDays(89));
    assertThat(auth.byToken(dflt)).isPresent();
    clock.advance(Duration.ofDays(2));
    assertThat(auth.byToken(dflt)).isEmpty();
  }

  @Test
  void aPasswordChangeEndsEverySessionAndToken() {
    String token = auth.issueToken("ana", "ci", Optional.empty());
    Session s = auth.openSession(auth.login("ana", PW, "10.0.0.1").orElseThrow());
    assertThat(auth.byToken(token)).isPresent();
    auth.changePassword("ana", PW, "another-long-secret", "10.0.0.1");
    assertThat(auth.byToken(token)).as("a cached token ends too").isEmpty();
    assertThat(auth.session(s.id())).isEmpty();
    assertThat(auth.login("ana", PW, "10.0.0.1")).isEmpty();
    assertThat(auth.login("ana", "another-long-secret", "10.0.0.1")).isPresent();
    assertThatThrownBy(() -> auth.changePassword("ana", "another-long-secret", "aaaaaaaaaaaa", "10.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDisabledUserLosesSessionsAndTokensAndCannotLogIn() {
    String token = auth.issueToken("ana", "ci", Optional.empty());
    Session s = auth.openSession(auth.login("ana", PW, "10.0.0.1").orElseThrow());
    assertThat(auth.byToken(token)).isPresent();
    auth.setDisabled("ana", true, "adam");
    assertThat(auth.byToken(token)).isEmpty();
    assertThat(auth.session(s.id())).isEmpty();
    assertThat(auth.login("ana", PW, "10.0.0.1")).isEmpty();
    assertThatThrownBy(() -> auth.setDisabled("adam", true, "adam")).hasMessageContaining("yourself");
    auth.setDisabled("ana", false, "adam");
    assertThat(auth.login("ana", PW, "10.0.0.1")).isPresent();
    assertThat(auth.byToken(token)).as("tokens stay revoked").isEmpty();
  }

  @Test
  void tokensAreListedWithoutSecretsAndRevokedByTheirOwnerOrAnAdmin() {
    String a1 = auth.issueToken("ana", "laptop", Optional.empty());
    String a2 = auth.issueToken("ana", "ci", Optional.empty());
    Principal ana = new Principal("ana", Role.ANALYST);
    Principal adam = new Principal("adam", Role.ADMIN);
    auth.issueToken("adam", "admin", Optional.empty());
    assertThat(auth.tokens(ana)).hasSize(2).allSatisfy(t -> assertThat(t.username()).isEqualTo("ana"));
    assertThat(auth.tokens(adam)).hasSize(3);
    String id1 = AuthService.sha256(a1).substring(0, 16);
    String adamsId = auth.tokens(adam).stream().filter(t -> t.username().equals("adam")).findFirst().orElseThrow().id();
    assertThat(auth.tokens(ana).toString()).doesNotContain(a1).doesNotContain(AuthService.sha256(a1));
    assertThat(auth.byToken(a1)).isPresent();
    assertThat(auth.revokeToken(adamsId, ana)).as("not hers").isFalse();
    assertThat(auth.revokeToken(id1, ana)).isTrue();
    assertThat(auth.byToken(a1)).isEmpty();
    assertThat(auth.byToken(a2)).isPresent();
    assertThat(auth.revokeToken(AuthService.sha256(a2).substring(0, 16), adam)).isTrue();
    assertThat(auth.byToken(a2)).isEmpty();
    assertThat(auth.tokens(ana)).allSatisfy(t -> assertThat(t.revokedAt()).isPresent());
  }
}
