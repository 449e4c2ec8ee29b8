package org.riskgate.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.riskgate.server.Refusals;
import org.riskgate.server.RetryLater;
import org.riskgate.server.store.TokenRecord;
import org.riskgate.server.store.UserRecord;
import org.riskgate.server.store.UserStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords, sessions and API tokens.
 *
 * <p>Passwords are hashed with bcrypt. Sessions live in memory only (a restart logs everyone
 * out, which is the safe failure). API tokens are 256 random bits; the store keeps only their
 * SHA-256, which is enough for a secret of that strength and keeps token checks fast under load.
 *
 * <p>Every credential ends: sessions after {@link #SESSION_TTL}, tokens at their expiry, and both
 * as soon as the user's password changes or the user is disabled. Password guessing is slowed
 * per account and per address ({@link LoginThrottle}) and every failed login is audited.
 */
public final class AuthService {
  private static final Duration SESSION_TTL = Duration.ofHours(8);
  /** The longest life a token may be given. */
  public static final Duration MAX_TOKEN_TTL = Duration.ofDays(365);
  private static final SecureRandom RANDOM = new SecureRandom();
  // a hash to compare against when the user does not exist, so timing does not reveal names
  private final String decoyHash;
  private final BCryptPasswordEncoder bcrypt;
  private final UserStore users;
  private final Duration tokenTtl;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // Token checks run on every API call; a short-lived cache keeps the store out of the hot path.
  // Revoking, disabling and password changes empty it, so only expiry can lag (by this much).
  private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(30);
  private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();

  private record CachedToken(Principal principal, Instant until) {}

  /**
   * @param bcryptStrength log2 of bcrypt rounds, 4..31; 10 or more in production
   * @param tokenTtl how long an API token lives unless asked for less
   */
  public AuthService(UserStore users, int bcryptStrength, Duration tokenTtl, Clock clock) {
    if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("token lifetime must be positive and at most " + MAX_TOKEN_TTL.toDays() + " days");
    }
    this.users = users;
    this.bcrypt = new BCryptPasswordEncoder(bcryptStrength, RANDOM);
    this.decoyHash = bcrypt.encode("decoy-" + randomToken());
    this.tokenTtl = tokenTtl;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
  }

  /** A fresh random secret, URL-safe. */
  public static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private String hash(String username, String password) {
    PasswordPolicy.check(username, password);
    return bcrypt.encode(password);
  }

  /**
   * Checks a login attempt from {@code address}: the user whose password this is, if it is and
   * the user is enabled. A failure is audited and counted against the account and the address.
   *
   * @throws RetryLater (429) when the account or the address must wait; the password is then not
   *     even checked
   */
  public Optional<UserRecord> login(String username, String password, String address) {
    Optional<Duration> wait = throttle.wait(username, address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      throw new RetryLater(429, seconds, "too many failed logins: try again in " + seconds + " s");
    }
    Optional<UserRecord> u = users.find(username);
    String hash = u.map(UserRecord::passwordHash).orElse(decoyHash);
    boolean ok = bcrypt.matches(password, hash) && u.isPresent();
    if (ok && !u.get().disabled()) {
      throttle.succeeded(username);
      return u;
    }
    throttle.failed(username, address);
    users.loginFailed(username, address, !ok ? (u.isPresent() ? "wrong password" : "no such user") : "disabled");
    return Optional.empty();
  }

  /** Opens a session for a user whose password was checked. */
  public Session openSession(UserRecord u) {
    Session s = new Session(randomToken(), new Principal(u.username(), Role.parse(u.role())), randomToken(),
        u.mustChange(), clock.instant().plus(SESSION_TTL));
    sessions.put(s.id(), s);
    return s;
  }

  public Optional<Session> session(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null || s.expiresAt().isBefore(clock.instant())) {
      if (s != null) {
        sessions.remove(id);
      }
      return Optional.empty();
    }
    return Optional.of(s);
  }

  public void closeSession(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Ends every session and token of a user (the tokens in the store are revoked by the caller). */
  private void endCredentials(String username) {
    sessions.values().removeIf(s -> s.principal().username().equals(username));
    tokenCache.clear();
  }

  /**
   * Changes a password after checking the old one (throttled like a login); the one-time flag
   * is cleared and every session and token of the user ends.
   */
  public void changePassword(String username, String oldPassword, String newPassword, String address) {
    if (login(username, oldPassword, address).isEmpty()) {
      throw new AuthException(401, Refusals.phrase("refused.wrongPassword"));
    }
    if (oldPassword.equals(newPassword)) {
      throw Refusals.refused("refused.samePassword");
    }
    users.setPassword(username, hash(username, newPassword), username);
    endCredentials(username);
  }

  /**
   * Disables or enables a user. Disabling ends every session and token of theirs at once.
   *
   * @throws IllegalArgumentException for an unknown user, or an admin disabling themselves
   */
  public void setDisabled(String username, boolean disabled, String actor) {
    if (disabled && username.equals(actor)) {
      throw Refusals.refused("refused.disableSelf");
    }
    if (!users.setDisabled(username, disabled, actor)) {
      throw Refusals.refused("refused.noUser", username);
    }
    if (disabled) {
      endCredentials(username);
    }
  }

  /**
   * Gives a user a one-time password that they must change at their next login, and ends every
   * session and token of theirs (a forgotten password, or one that may be known to others).
   *
   * @return the one-time password, to be shown once to the admin
   * @throws IllegalArgumentException for an unknown user, or an admin resetting their own
   */
  public String resetPassword(String username, String actor) {
    if (username.equals(actor)) {
      throw Refusals.refused("refused.resetSelf");
    }
    String password = randomToken().substring(0, 20);
    if (!users.resetPassword(username, hash(username, password), actor)) {
      throw Refusals.refused("refused.noUser", username);
    }
    endCredentials(username);
    return password;
  }

  /**
   * Issues an API token for a user; the token is shown once and only its hash is kept.
   *
   * @param ttl how long it lives; empty for the server's default
   */
  public String issueToken(String username, String label, Optional<Duration> ttl) {
    Duration life = ttl.orElse(tokenTtl);
    if (life.isNegative() || life.isZero() || life.compareTo(MAX_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("a token lives 1 to " + MAX_TOKEN_TTL.toDays() + " days");
    }
    String token = randomToken();
    users.addToken(sha256(token), username, label, clock.instant().plus(life));
    return token;
  }

  /** The tokens a principal may see: an admin's are everyone's, anyone else's their own. */
  public List<TokenRecord> tokens(Principal p) {
    return users.tokens(p.role().allows(Role.ADMIN) ? Optional.empty() : Optional.of(p.username()));
  }

  /**
   * Revokes a token by its listed id: one's own, or anyone's for an admin.
   *
   * @return false when no live token the principal may revoke has that id
   */
  public boolean revokeToken(String id, Principal p) {
    boolean mayRevoke = p.role().allows(Role.ADMIN)
        || users.tokens(Optional.of(p.username())).stream().anyMatch(t -> t.id().equals(id));
    if (!mayRevoke || users.revoke(id, p.username()).isEmpty()) {
      return false;
    }
    tokenCache.clear();
    return true;
  }

  /** The principal a live API token belongs to. */
  public Optional<Principal> byToken(String token) {
    String hash = sha256(token);
    CachedToken cached = tokenCache.get(hash);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      return Optional.of(cached.principal());
    }
    Optional<Principal> p = users.byToken(hash, now)
        .filter(u -> !u.mustChange() && !u.disabled())
        .map(u -> new Principal(u.username(), Role.parse(u.role())));
    if (p.isPresent()) {
      if (tokenCache.size() > 10_000) {
        tokenCache.clear();
      }
      tokenCache.put(hash, new CachedToken(p.get(), now.plus(TOKEN_CACHE_TTL)));
    } else {
      tokenCache.remove(hash);
    }
    return p;
  }

  /** Creates a user with a password the policy allows. */
  public void createUser(String username, String password, Role role, boolean mustChange, String actor) {
    if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
      throw Refusals.refused("refused.userName");
    }
    users.create(new UserRecord(username, hash(username, password), role.label(), mustChange, false), actor);
  }

  /**
   * On first start (no users at all), creates {@code admin} with a one-time password.
   *
   * @return the one-time password, to be shown once; empty when users exist
   */
  public Optional<String> createFirstAdmin() {
    if (users.count() > 0) {
      return Optional.empty();
    }
    String password = randomToken().substring(0, 20);
    createUser("admin", password, Role.ADMIN, true, "system");
    return Optional.of(password);
  }

  /** The SHA-256 of a text, in hex. */
  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of bytes, in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
