package org.riskgate.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code riskgate serve} as a separate process (its own heap, killable), on a free port, over a
 * data directory; what it prints to stderr goes to a log file.
 *
 * @param oneTimePassword the first admin's password, when this start created the store
 */
public record ServerProcess(Process process, int port, String oneTimePassword) {
  private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern OTP = Pattern.compile("one-time password: (\\S+)");

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts a server with the test bundle, no demo data and fast bcrypt, plus {@code extra} options. */
  public static ServerProcess launch(Path dataDir, Path log, String heap, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.riskgate.server.cli.ServeCommand",
        "--data-dir", dataDir.toString(), "--port", "0", "--model", Fixtures.bundle().toString(),
        "--no-demo", "--bcrypt-strength", "4"));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(log.toFile());
    Process p = pb.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder otp = new StringBuilder();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Matcher m = OTP.matcher(line);
          if (m.find()) {
            synchronized (otp) {
              otp.append(m.group(1));
            }
          }
          Matcher s = SERVING.matcher(line);
          if (s.find()) {
            port.complete(Integer.parseInt(s.group(1)));
          }
        }
        port.completeExceptionally(new IllegalStateException("server ended before serving; see " + log));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    });
    int n = port.get(120, TimeUnit.SECONDS);
    synchronized (otp) {
      return new ServerProcess(p, n, otp.toString());
    }
  }
}
