package org.riskgate.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.riskgate.server.Refusals;

/**
 * What a new password must be: 12 to 72 characters, not a short pattern repeated or a run of
 * consecutive keys, not built on the user name, and not one of the common passwords shipped in
 * {@code /auth/common-passwords.txt} (checked also with leading and trailing digits and symbols
 * taken off and common swaps such as {@code 0} for {@code o} undone, so {@code P4ssw0rd!2024}
 * counts as {@code password}).
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  // bcrypt ignores bytes beyond 72; refusing is clearer than silently truncating
  public static final int MAX_BYTES = 72;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /**
   * Refuses a password the policy does not allow.
   *
   * @throws IllegalArgumentException saying what is wrong with it (never repeating it)
   */
  public static void check(String username, String password) {
    if (password.length() < MIN_LENGTH) {
      throw Refusals.refused("refused.passwordShort", MIN_LENGTH);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw Refusals.refused("refused.passwordLong", MAX_BYTES);
    }
    if (repeatsShortUnit(password) || password.codePoints().distinct().count() < 5) {
      throw Refusals.refused("refused.passwordRepeated");
    }
    if (isRun(password)) {
      throw Refusals.refused("refused.passwordRun");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = username.toLowerCase(Locale.ROOT);
    if (name.length() >= 4 && (lower.contains(name) || unleet(lower).contains(name))) {
      throw Refusals.refused("refused.passwordName");
    }
    if (isCommon(lower)) {
      throw Refusals.refused("refused.passwordCommon");
    }
  }

  private static boolean repeatsShortUnit(String p) {
    for (int unit = 1; unit <= 4 && unit < p.length(); unit++) {
      boolean repeats = true;
      for (int i = unit; i < p.length() && repeats; i++) {
        repeats = p.charAt(i) == p.charAt(i - unit);
      }
      if (repeats) {
        return true;
      }
    }
    return false;
  }

  /** abcdef..., 987654..., each character one up (or one down) from the one before. */
  private static boolean isRun(String p) {
    int step = p.charAt(1) - p.charAt(0);
    if (Math.abs(step) != 1) {
      return false;
    }
    for (int i = 2; i < p.length(); i++) {
      int d = p.charAt(i) - p.charAt(i - 1);
      // 9 to 0 continues a run of digits (1234567890)
      if (d != step && !(step == 1 && p.charAt(i - 1) == '9' && p.charAt(i) == '0')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCommon(String lower) {
    String trimmed = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
    return COMMON.contains(lower) || COMMON.contains(trimmed) || COMMON.contains(unleet(trimmed))
        || COMMON.contains(unleet(lower).replaceAll("[^a-z]", ""));
  }

  private static String unleet(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(switch (c) {
        case '0' -> 'o';
        case '1', '!', '|' -> 'i';
        case '3' -> 'e';
        case '4', '@' -> 'a';
        case '5', '$' -> 's';
        case '7', '+' -> 't';
        case '8' -> 'b';
        default -> c;
      });
    }
    return b.toString();
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("auth/common-passwords.txt is missing from the server's resources");
      }
      Set<String> out = new HashSet<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String w = line.strip();
          if (!w.isEmpty() && !w.startsWith("#")) {
            out.add(w.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the common passwords list", e);
    }
  }
}
