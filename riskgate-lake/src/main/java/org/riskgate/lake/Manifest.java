package org.riskgate.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lake holds: every file imported, by content hash, with the Parquet parts it became. The
 * manifest is the commit point of an import: a part file it does not list is the leftover of an
 * interrupted import and is not part of the lake.
 *
 * @param format always {@link #FORMAT}
 * @param imports every import, oldest first
 */
public record Manifest(String format, List<Import> imports) {
  /** The layout version this code reads and writes. */
  public static final String FORMAT = "riskgate-lake/1";
  /** The manifest's file name inside the lake directory. */
  public static final String FILE = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public Manifest {
    Objects.requireNonNull(format, "format");
    imports = List.copyOf(imports);
  }

  /**
   * One imported file.
   *
   * @param sha256 the SHA-256 of the file's bytes (hex)
   * @param source the file's path when it was imported
   * @param importedAt ISO-8601 instant
   * @param rows declarations imported
   * @param rejected rows set aside
   * @param rejects the reject file, relative to the lake, or "" when none was rejected
   * @param parts the Parquet files it became
   */
  public record Import(String sha256, String source, String importedAt, long rows, long rejected,
      String rejects, List<Part> parts) {
    public Import {
      parts = List.copyOf(parts);
    }
  }

  /**
   * One Parquet file of the lake.
   *
   * @param path relative to the lake, {@code declarations/month=YYYY-MM/part-*.parquet}
   * @param month YYYY-MM
   * @param rows declarations in it
   * @param frauds declarations in it whose inspection found fraud
   * @param bytes its size
   */
  public record Part(String path, String month, long rows, long frauds, long bytes) {}

  static Manifest empty() {
    return new Manifest(FORMAT, List.of());
  }

  /** The import of a file with this content hash, if any. */
  public Optional<Import> find(String sha256) {
    return imports.stream().filter(i -> i.sha256().equals(sha256)).findFirst();
  }

  /** Every part, in import order. */
  public List<Part> parts() {
    List<Part> all = new ArrayList<>();
    imports.forEach(i -> all.addAll(i.parts()));
    return all;
  }

  Manifest with(Import i) {
    List<Import> all = new ArrayList<>(imports);
    all.add(i);
    return new Manifest(format, all);
  }

  static Manifest read(Path file) throws IOException {
    Manifest m;
    try {
      m = JSON.readValue(file.toFile(), Manifest.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": not a lake manifest: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(m.format())) {
      throw new IOException(file + ": lake format '" + m.format() + "', this riskgate reads " + FORMAT);
    }
    return m;
  }

  /**
   * Replaces the lake's manifest in one step: written beside it, flushed, then renamed over it,
   * so a reader sees the old manifest or the new one, never half of one.
   */
  void writeAtomically(Path lake) throws IOException {
    Path tmp = Files.createTempFile(lake, ".manifest-", ".json.tmp");
    try {
      try (var out = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(this)));
        out.force(true);
      }
      Files.move(tmp, lake.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
