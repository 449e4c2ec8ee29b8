package org.riskgate.hs.learn;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.InvalidDescriptionException;
import org.riskgate.hs.Nomenclature;
import org.riskgate.hs.text.TextGuard;

/**
 * Labelled (description, HS code) rows read from a CSV with the columns {@code description} and
 * {@code hs_code}, plus the rows that were skipped and why.
 *
 * @param rows accepted rows, HS codes cut to six digits
 * @param skipped rejected rows with line numbers and reasons
 */
public record LabelledData(List<Row> rows, List<Skipped> skipped) {

  /**
   * An accepted row.
   *
   * @param line line number in the file (1 = header)
   * @param description the validated description
   * @param code the six-digit code
   * @param split the value of an optional {@code split} column ("tune", "heldout"), empty if none
   * @param language the value of an optional {@code lang} column, empty if none
   */
  public record Row(long line, String description, HsCode code, String split, String language) {}

  /**
   * A rejected row.
   *
   * @param line line number in the file
   * @param reason why it was skipped
   */
  public record Skipped(long line, String reason) {}

  /** Copies the lists. */
  public LabelledData {
    rows = List.copyOf(rows);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reads the file. Unknown or malformed codes and invalid descriptions are skipped and reported,
   * never fatal: one bad line in a year of history must not stop training.
   *
   * @throws IllegalArgumentException if the file lacks the required columns
   */
  public static LabelledData read(Path file, Nomenclature nom) {
    List<Row> rows = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
        .ofNamedCsvRecord(file)) {
      boolean checked = false;
      for (NamedCsvRecord rec : csv) {
        if (!checked) {
          if (!rec.getHeader().contains("description") || !rec.getHeader().contains("hs_code")) {
            throw new IllegalArgumentException(
                file + ": needs the columns description and hs_code, has " + rec.getHeader());
          }
          checked = true;
        }
        long line = rec.getStartingLineNumber();
        String rawCode = rec.findField("hs_code").orElse("");
        Optional<HsCode> code = HsCode.tryParse(rawCode);
        if (code.isEmpty() || code.get().subheading().isEmpty()) {
          skipped.add(new Skipped(line, "not an HS6-or-longer code: \"" + rawCode + "\""));
          continue;
        }
        HsCode six = new HsCode(code.get().subheading().get());
        if (nom.find(six).isEmpty()) {
          skipped.add(new Skipped(line, "unknown HS code " + rawCode + " (not in HS 2022)"));
          continue;
        }
        String desc;
        try {
          desc = TextGuard.check(rec.findField("description").orElse(""));
        } catch (InvalidDescriptionException e) {
          skipped.add(new Skipped(line, e.getMessage()));
          continue;
        }
        rows.add(new Row(line, desc, six, rec.findField("split").orElse(""), rec.findField("lang").orElse("")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new LabelledData(rows, skipped);
  }
}
