package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A background thread runs below the thread that starts it, which keeps its own priority. */
class BackgroundTest {
  @Test
  void backgroundThreadsRunTenStepsBelowTheirStarterWhichKeepsItsOwn() throws Exception {
    assumeTrue(Files.exists(Background.THREAD_SELF), "Linux only");
    // util-linux's renice is on every Debian system (an essential package); elsewhere the server warns and goes on
    assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "renice"))), "renice on the PATH");
    int before = nice();
    CompletableFuture<Integer> niceThere = new CompletableFuture<>();
    Thread t = Background.threads("riskgate-test-background").newThread(() -> niceThere.complete(nice()));
    t.start();
    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getName()).isEqualTo("riskgate-test-background");
    assertThat(niceThere.get(30, TimeUnit.SECONDS)).isEqualTo(Math.min(Background.LOWEST, before + Background.NICE));
    // the nice value is the thread's own: this (a request thread, say) keeps its own
    assertThat(nice()).isEqualTo(before);
  }

  private static int nice() {
    try {
      return Background.nice(Background.THREAD_SELF);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
