package org.riskgate.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.DeclarationFormat;
import org.riskgate.core.DeclarationStream;
import org.riskgate.core.Declarations;
import org.riskgate.core.Period;
import org.riskgate.core.RejectSink;

/**
 * Parquet files ({@code *.parquet}) and lakes (directories with a manifest) as a declaration
 * format, registered with {@link java.util.ServiceLoader} so every command that opens declarations
 * through {@link Declarations} reads them.
 *
 * <p>A single file's columns are found by name through the {@link ColumnMapping}, as a CSV's
 * headers are; a lake's columns are its own (the field keys), so the mapping is not applied. A
 * lake is read from the parts its manifest lists, pruned to the months of the period.
 */
public final class ParquetFormat implements DeclarationFormat {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public boolean reads(Path path) {
    return Files.isDirectory(path) ? Lake.isLake(path) : path.getFileName() != null
        && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
  }

  @Override
  public DeclarationStream open(Path path, Period period, ColumnMapping mapping, RejectSink rejects)
      throws IOException {
    List<Path> files;
    ColumnMapping columns;
    if (Files.isDirectory(path)) {
      files = Lake.open(path).parts(period);
      columns = ColumnMapping.defaults();
    } else {
      if (!Files.isRegularFile(path)) {
        throw new IOException("no such declaration file: " + path);
      }
      files = List.of(path);
      columns = mapping;
    }
    DeclarationStream rows = new ParquetStream(files, columns, rejects);
    return Declarations.inPeriod(rows, period);
  }

  @Override
  public String sha256(Path path) throws IOException {
    // a lake's manifest names every part and the content hash of every file imported
    return Declarations.sha256OfBytes(Files.isDirectory(path) ? path.resolve(Manifest.FILE) : path);
  }
}
