package org.riskgate.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.riskgate.server.store.UserRecord;
import org.riskgate.server.store.UserStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords, sessions and API tokens.
 *
 * <p>Passwords are hashed with bcrypt. Sessions live in memory only (a restart logs everyone
 * out, which is the safe failure). API tokens are 256 random bits; the store keeps only their
 * SHA-256, which is enough for a secret of that strength and keeps token checks fast under load.
 */
public final class AuthService {
  private static final Duration SESSION_TTL = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();
  // a hash to compare against when the user does not exist, so timing does not reveal names
  private final String decoyHash;
  private final BCryptPasswordEncoder bcrypt;
  private final UserStore users;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // Token checks run on every API call; a short-lived cache keeps the store out of the hot path.
  private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(30);
  private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();

  private record CachedToken(Principal principal, Instant until) {}

  /** @param bcryptStrength log2 of bcrypt rounds, 4..31; 10 or more in production */
  public AuthService(UserStore users, int bcryptStrength) {
    this.users = users;
    this.bcrypt = new BCryptPasswordEncoder(bcryptStrength, RANDOM);
    this.decoyHash = bcrypt.encode("decoy-" + randomToken());
  }

  /** A fresh random secret, URL-safe. */
  public static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public String hash(String password) {
    checkStrength(password);
    return bcrypt.encode(password);
  }

  /** Refuses passwords too short to be worth hashing. */
  public static void checkStrength(String password) {
    if (password.length() < 10) {
      throw new IllegalArgumentException("a password needs at least 10 characters");
    }
    if (password.length() > 72) {
      // bcrypt ignores bytes beyond 72; refusing is clearer than silently truncating
      throw new IllegalArgumentException("a password may have at most 72 characters");
    }
  }

  /** The user whose password this is, if it is. */
  public Optional<UserRecord> check(String username, String password) {
    Optional<UserRecord> u = users.find(username);
    String hash = u.map(UserRecord::passwordHash).orElse(decoyHash);
    boolean ok = bcrypt.matches(password, hash);
    return ok ? u : Optional.empty();
  }

  /** Opens a session for a user whose password was checked. */
  public Session openSession(UserRecord u) {
    Session s = new Session(randomToken(), new Principal(u.username(), Role.parse(u.role())), randomToken(),
        u.mustChange(), Instant.now().plus(SESSION_TTL));
    sessions.put(s.id(), s);
    return s;
  }

  public Optional<Session> session(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null || s.expiresAt().isBefore(Instant.now())) {
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

  /** Changes a password after checking the old one; the one-time flag is cleared. */
  public void changePassword(String username, String oldPassword, String newPassword) {
    if (check(username, oldPassword).isEmpty()) {
      throw new AuthException(401, "wrong user name or password");
    }
    if (oldPassword.equals(newPassword)) {
      throw new IllegalArgumentException("the new password must differ from the old one");
    }
    users.setPassword(username, hash(newPassword), username);
  }

  /** Issues an API token for a user; the token is shown once and only its hash is kept. */
  public String issueToken(String username, String label) {
    String token = randomToken();
    users.addToken(sha256(token), username, label);
    return token;
  }

  /** The principal an API token belongs to. */
  public Optional<Principal> byToken(String token) {
    String hash = sha256(token);
    CachedToken cached = tokenCache.get(hash);
    Instant now = Instant.now();
    if (cached != null && cached.until().isAfter(now)) {
      return Optional.of(cached.principal());
    }
    Optional<Principal> p = users.byToken(hash)
        .filter(u -> !u.mustChange())
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

  /** Creates a user with a password. */
  public void createUser(String username, String password, Role role, boolean mustChange, String actor) {
    if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
      throw new IllegalArgumentException("a user name has 2 to 64 letters, digits, '.', '_' or '-'");
    }
    users.create(new UserRecord(username, hash(password), role.label(), mustChange), actor);
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

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
