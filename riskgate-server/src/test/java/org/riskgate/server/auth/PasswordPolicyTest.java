package org.riskgate.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void refusesShortRepeatedRunsCommonAndTheUserName() {
    for (String bad : new String[] {"aaaaaaaaaa", "aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "123456789012",
        "abcdefghijklm", "zyxwvutsrqpo", "password1234", "P4ssw0rd!2024", "Qwerty123456", "iloveyou1234",
        "!!welcome2026", "aabbaabbccaa", "xx-mallory-xx"}) {
      assertThatThrownBy(() -> PasswordPolicy.check("mallory", bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(bad);
    }
    assertThatThrownBy(() -> PasswordPolicy.check("ana", "x".repeat(40) + "é".repeat(20)))
        .hasMessageContaining("72 bytes");
  }

  @Test
  void acceptsLongUnusualPasswords() {
    for (String good : new String[] {"correct-horse-battery", "long-enough-password", "Tr4ns1t-Busan-Kilo",
        "my-own-password-1", "durable-admin-pw"}) {
      assertThatCode(() -> PasswordPolicy.check("ana", good)).as(good).doesNotThrowAnyException();
    }
  }
}
