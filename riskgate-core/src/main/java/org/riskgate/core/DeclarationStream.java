package org.riskgate.core;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Declarations read one at a time from a file, a Parquet file or a lake, in constant memory.
 * Rows that cannot be read have gone to the reader's {@link RejectSink} and are not returned.
 */
public interface DeclarationStream extends Iterator<Declaration>, Closeable {
  /** Releases the file or connection; errors closing are unchecked. */
  @Override
  void close();
}
