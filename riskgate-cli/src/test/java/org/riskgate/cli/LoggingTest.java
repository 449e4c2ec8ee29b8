package org.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The distribution logs (it once shipped slf4j-nop, which dropped every line, errors included). */
class LoggingTest {

  @Test
  void theDistributionHasARealLoggingBackend() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
    assertThat(System.getLogger("x").getClass().getName()).contains("slf4j");
  }
}
