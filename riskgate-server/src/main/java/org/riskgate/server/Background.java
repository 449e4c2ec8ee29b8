package org.riskgate.server;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for work no request waits on (the trader network's rebuild, a challenger's retraining
 * and shadow scoring): each one lowers its own scheduling priority by {@link #NICE} steps of
 * Linux's nice value (to 19 at most) when it starts, so that on a busy machine it takes the
 * cores the request threads leave. Relative, not absolute: a server started under {@code nice}
 * keeps its background below its requests, and no thread's priority is ever raised.
 *
 * <p>Why the operating system's priority: Java's thread priorities are ignored on Linux (unless
 * the JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which warns when not root and lowers at
 * most to nice 4). A rebuild of the network from 110,000 declarations took one of the two cores
 * for a second every 30 s, and the 10 s windows with a rebuild had a p99 of 40 to 86 ms against
 * 5 to 11 ms for the others (500 requests/s, docs/server.md). Linux lets any process raise the
 * nice value of its own threads; {@code renice} (util-linux) is how to reach one thread, named
 * by its id from {@code /proc/thread-self}, without native code. Where either is missing the
 * thread runs at its starter's priority, which is said once in the log.
 *
 * <p>Threads such a thread starts inherit its nice value: a retrain's XGBoost threads, as wanted,
 * and the JDK's process reaper; also a worker of the common fork-join pool, if shadow scoring's
 * parallel stream is what starts one (it then serves other parallel scoring at that priority
 * until it idles out, which slows a batch only while the cores are contended).
 */
public final class Background {
  /** Steps of nice below the thread that starts them: about a tenth of a core's time when requests want it all. */
  public static final int NICE = 10;
  /** Linux's lowest priority. */
  static final int LOWEST = 19;
  /** The calling thread's folder under {@code /proc}, a link to {@code PID/task/TID}. */
  static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final System.Logger LOG = System.getLogger(Background.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private Background() {}

  /** Daemon threads named {@code name} that run at the background priority. */
  public static ThreadFactory threads(String name) {
    return r -> {
      Thread t = new Thread(() -> {
        lowerPriority();
        r.run();
      }, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Lowers the calling thread's priority by {@link #NICE} (to {@link #LOWEST}); returns whether it was lowered. */
  static boolean lowerPriority() {
    if (!Files.exists(THREAD_SELF)) {
      return false; // not Linux
    }
    try {
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      int target = Math.min(LOWEST, nice(THREAD_SELF) + NICE);
      Process p = new ProcessBuilder("renice", "-n", Integer.toString(target), "-p", tid)
          .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return true;
      }
      p.destroyForcibly();
      warnOnce("renice exited with " + (p.isAlive() ? "no answer" : Integer.toString(p.exitValue())));
    } catch (IOException | RuntimeException e) {
      warnOnce(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** A thread's nice value: field 19 of its stat line, counted after its name's closing parenthesis. */
  static int nice(Path thread) throws IOException {
    String stat = Files.readString(thread.resolve("stat"));
    return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
  }

  private static void warnOnce(String why) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING, "background threads run at their starter's priority (cannot renice: "
          + why + "); under load they compete with requests for the cores");
    }
  }
}
