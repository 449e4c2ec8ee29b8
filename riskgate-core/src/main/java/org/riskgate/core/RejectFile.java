package org.riskgate.core;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rejected rows to a CSV file ({@code file,line,field,value,reason}) and keeps the first
 * few in memory for the run summary. The file is only created when the first reject arrives, so a
 * clean run leaves no empty reject file behind.
 */
public final class RejectFile implements RejectSink, Closeable {
  private static final int KEPT = 5;
  private final Path path;
  private final List<Reject> first = new ArrayList<>();
  private CsvWriter writer;
  private long count;

  public RejectFile(Path path) {
    this.path = path;
  }

  /** The reject file for a given input: {@code OUT.rejects.csv} beside the output. */
  public static RejectFile beside(Path output) {
    return new RejectFile(output.resolveSibling(output.getFileName() + ".rejects.csv"));
  }

  @Override
  public synchronized void reject(Reject r) {
    try {
      if (writer == null) {
        if (path.getParent() != null) {
          Files.createDirectories(path.getParent());
        }
        writer = CsvWriter.builder().build(path);
        writer.writeRecord("file", "line", "field", "value", "reason");
      }
      writer.writeRecord(r.file(), Long.toString(r.line()), r.field(), r.value(), r.reason());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reject file " + path, e);
    }
    if (first.size() < KEPT) {
      first.add(r);
    }
    count++;
  }

  @Override
  public synchronized long count() {
    return count;
  }

  /** The first rejects, for a summary on the console. */
  public synchronized List<Reject> first() {
    return List.copyOf(first);
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
