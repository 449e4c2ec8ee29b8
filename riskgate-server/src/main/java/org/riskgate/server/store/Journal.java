package org.riskgate.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An append-only redo journal of text lines, in numbered segment files beside the store
 * ({@code riskgate.journal.000001}, ...). A line is appended with one {@code write()}: once that
 * returns it is in the operating system's hands and survives the process being killed, as an H2
 * chunk written with {@code WRITE_DELAY=0} does. With {@code sync} each append is also forced to
 * the disk ({@code fdatasync}), which is what survives a power failure.
 *
 * <p>{@link #rotate} starts a new segment; once the store holds everything the older segments
 * hold, {@link #deleteBefore} removes them. Not thread-safe: {@link Database} appends and rotates
 * under its commit lock.
 */
final class Journal implements AutoCloseable {
  private static final Pattern SEGMENT = Pattern.compile("\\.journal\\.(\\d{6,})$");
  private final Path base;
  private final boolean sync;
  private long segment;
  private FileChannel out;
  private long written;

  /**
   * Opens the journal of the store whose files start with {@code base} (e.g. {@code DIR/riskgate});
   * appends go to a new segment after the existing ones.
   */
  Journal(Path base, boolean sync) throws IOException {
    this.base = base;
    this.sync = sync;
    List<Long> existing = segments();
    this.segment = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
    this.out = create(segment);
  }

  /** Whether each append is forced to the disk. */
  boolean syncs() {
    return sync;
  }

  /** Appends one line (without its newline) in one write. */
  void append(String line) throws IOException {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a journal line holds no newline");
    }
    ByteBuffer b = StandardCharsets.UTF_8.encode(line + "\n");
    int n = b.remaining();
    while (b.hasRemaining()) {
      out.write(b);
    }
    if (sync) {
      out.force(false);
    }
    written += n;
  }

  /** Bytes appended to the current segment. */
  long written() {
    return written;
  }

  /**
   * Starts a new segment and returns its number: every line appended before this call is in a
   * segment with a lower number.
   */
  long rotate() throws IOException {
    FileChannel next = create(segment + 1);
    out.close();
    out = next;
    segment++;
    written = 0;
    return segment;
  }

  /** Removes the segments numbered below {@code segment}. */
  void deleteBefore(long segment) throws IOException {
    for (long s : segments()) {
      if (s < segment) {
        Files.deleteIfExists(path(s));
      }
    }
  }

  /**
   * Every complete line of the segments numbered below {@code segment}, oldest first. A last line
   * without its newline (a write cut short by a power failure, never acknowledged) is left out.
   */
  List<Line> linesBefore(long segment) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (long s : segments()) {
      if (s >= segment) {
        continue;
      }
      Path p = path(s);
      String text = Files.readString(p, StandardCharsets.UTF_8);
      int start = 0;
      int number = 1;
      for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        lines.add(new Line(p, number++, text.substring(start, end)));
        start = end + 1;
      }
      if (start < text.length()) {
        System.getLogger(Journal.class.getName()).log(System.Logger.Level.WARNING,
            p + " line " + number + " is incomplete (" + (text.length() - start) + " bytes): a write cut short,"
            + " never acknowledged; left out");
      }
    }
    return lines;
  }

  /** The segment appends go to now. */
  long segment() {
    return segment;
  }

  /** A line of a segment, with where it was read. */
  record Line(Path file, int number, String text) {}

  private List<Long> segments() throws IOException {
    Path dir = base.toAbsolutePath().getParent();
    String prefix = base.getFileName().toString();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(prefix + ".journal."))
          .map(n -> SEGMENT.matcher(n))
          .filter(m -> m.find())
          .map(m -> Long.parseLong(m.group(1)))
          .sorted()
          .toList();
    }
  }

  private Path path(long s) {
    return base.resolveSibling(base.getFileName() + String.format(java.util.Locale.ROOT, ".journal.%06d", s));
  }

  private FileChannel create(long s) throws IOException {
    Path p = path(s);
    FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    }
    return ch;
  }

  /** Closes the current segment, and removes it when nothing was appended to it. */
  @Override
  public void close() throws IOException {
    out.close();
    if (written == 0) {
      Files.deleteIfExists(path(segment));
    }
  }
}
