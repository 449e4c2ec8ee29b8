package org.riskgate.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A way of storing declarations that {@link Declarations} can open. CSV is built in; other
 * formats (Parquet files, the declaration lake) live in their own modules and are found through
 * {@link java.util.ServiceLoader}, so that this module, and every command that only names
 * {@link Declarations}, never depends on them.
 */
public interface DeclarationFormat {
  /** A short name for messages, e.g. "parquet". */
  String name();

  /** Whether this format reads the given path (by its name or, for directories, its contents). */
  boolean reads(Path path);

  /**
   * Streams the declarations of a period. Rows that break the declaration's rules go to
   * {@code rejects} with their file, row and field.
   */
  DeclarationStream open(Path path, Period period, ColumnMapping mapping, RejectSink rejects) throws IOException;

  /** A SHA-256 (hex) that changes whenever the declarations at {@code path} change, for provenance. */
  String sha256(Path path) throws IOException;
}
