package org.riskgate.server.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.riskgate.core.Reject;
import org.riskgate.core.RejectSink;
import org.riskgate.server.store.OwnerOnly;

/**
 * Rejected rows of one upload, streamed to a CSV file in the rejects folder while only the
 * first few stay in memory for the answer: a file of two million bad rows costs disk, bounded
 * by the upload limit, not heap. A file lists at most {@link #MAX_FILED} rejects (then says how
 * many more there were), and the folder keeps the latest {@link #KEPT} files, so disk stays
 * bounded too.
 */
final class RejectFile implements RejectSink, AutoCloseable {
  static final int KEPT = 20;
  static final int MAX_FILED = 100_000;
  // a value is shown (and kept) up to this length: a 30 MB field must not be copied around
  private static final int MAX_VALUE = 200;
  private final String name;
  private final Path file;
  private final BufferedWriter out;
  private final List<Reject> first = new ArrayList<>();
  private final int shown;
  private long count;

  /**
   * @param source the name the client gave the upload (put into every reject)
   * @param shown how many rejects to keep for the answer
   */
  RejectFile(Path folder, String source, int shown) throws IOException {
    OwnerOnly.directory(folder);
    prune(folder);
    this.name = "rejects-" + Instant.now().toEpochMilli() + "-" + Long.toHexString(System.nanoTime()) + ".csv";
    this.file = folder.resolve(name);
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    OwnerOnly.file(file);
    this.out.write("file,line,field,value,reason\n");
    this.source = source;
    this.shown = shown;
  }

  private final String source;

  @Override
  public void reject(Reject r) {
    Reject kept = new Reject(source, r.line(), r.field(), cut(r.value()), cut(r.reason()));
    if (first.size() < shown) {
      first.add(kept);
    }
    count++;
    if (count > MAX_FILED) {
      return;
    }
    try {
      out.write(csv(kept.file()) + "," + kept.line() + "," + csv(kept.field()) + "," + csv(kept.value()) + ","
          + csv(kept.reason()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects file", e);
    }
  }

  @Override
  public long count() {
    return count;
  }

  /** The first rejects, at most the number asked for. */
  List<Reject> first() {
    return List.copyOf(first);
  }

  /** The file's name in the rejects folder (never its path: that stays on the server). */
  String name() {
    return name;
  }

  /** Removes the file: nothing was rejected, or the caller does not want it kept. */
  void discard() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  private boolean closed;

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      if (count > MAX_FILED) {
        out.write("# and " + (count - MAX_FILED) + " more rejected rows, not listed\n");
      }
      out.close();
    }
  }

  private static String cut(String s) {
    return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "...";
  }

  private static String csv(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s
        : '"' + s.replace("\"", "\"\"") + '"';
  }

  private static void prune(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      List<Path> old = files.filter(p -> p.getFileName().toString().startsWith("rejects-"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      for (int i = 0; i + KEPT <= old.size(); i++) {
        Files.deleteIfExists(old.get(i));
      }
    }
  }
}
