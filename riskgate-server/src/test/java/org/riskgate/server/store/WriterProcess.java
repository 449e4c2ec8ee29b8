package org.riskgate.server.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The writer process of a kill test: {@code main} of a class run in its own JVM on a store's
 * folder, each line it prints handed to a consumer as it comes, its errors in
 * {@code DIR/writer.log}.
 */
final class WriterProcess {
  private final Process process;
  private final Thread reader;

  private WriterProcess(Process process, Thread reader) {
    this.process = process;
    this.reader = reader;
  }

  static WriterProcess start(Class<?> main, Path dir, Consumer<String> eachLine) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        main.getName(), dir.toString())
        .redirectError(dir.resolve("writer.log").toFile()).start();
    Thread reader = Thread.ofPlatform().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          eachLine.accept(line);
        }
      } catch (IOException e) {
        // the process is gone
      }
    });
    return new WriterProcess(p, reader);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL mid-write (no close, no compaction on close); returns once every printed line is read. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
  }
}
