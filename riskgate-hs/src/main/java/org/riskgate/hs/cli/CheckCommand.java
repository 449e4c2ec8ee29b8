package org.riskgate.hs.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationStream;
import org.riskgate.core.Declarations;
import org.riskgate.core.Field;
import org.riskgate.core.Period;
import org.riskgate.core.RejectFile;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.InvalidDescriptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hs check}: copies declarations and appends the HS flags, so they can feed the risk model
 * and the lane reasons. A whole CSV is copied column for column; a Parquet file, a lake or a
 * period of any of them is read as declarations and written with riskgate's column names.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Add hs_mismatch, hs_mismatch_score, hs_requirement, hs_review_object, hs_reason and"
        + " hs_suggested columns to declarations with a description and a declared code"
        + " (hs_code, HS6 Code or HS10 Code).")
final class CheckCommand extends Common {

  /** Declared-code columns accepted, most specific first. */
  static final List<String> CODE_COLUMNS = List.of("HS10 Code", "HS6 Code", "hs_code");

  static final List<String> FLAG_COLUMNS = List.of("hs_mismatch", "hs_mismatch_score", "hs_requirement",
      "hs_review_object", "hs_reason", "hs_suggested");

  @CommandLine.Option(names = "--input", required = true, paramLabel = "DECLS",
      description = "A CSV or Parquet file or a lake directory.")
  Path input;

  @CommandLine.Option(names = "--output", required = true, paramLabel = "OUT.csv")
  Path output;

  @CommandLine.Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Check declarations dated from this day (inclusive).")
  LocalDate from;

  @CommandLine.Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Check declarations dated up to this day (inclusive).")
  LocalDate to;

  /** Counts of what the flags said. */
  private static final class Tally {
    int rows;
    int mismatches;
    int reviews;
    int unchecked;

    /** The flag columns for one row. */
    List<String> flags(HsChecker checker, String description, String declared) {
      rows++;
      Optional<HsCode> code = HsCode.tryParse(declared);
      if (code.isEmpty()) {
        unchecked++;
        return List.of("", "", "", "", "declared code is not a valid HS code", "");
      }
      try {
        HsCheck c = checker.check(description, code.get());
        mismatches += c.mismatch() ? 1 : 0;
        reviews += c.reviewObjectFlag() ? 1 : 0;
        return List.of(Boolean.toString(c.mismatch()), String.format(Locale.ROOT, "%.4f", c.mismatchScore()),
            c.requirement().orElse(""), Boolean.toString(c.reviewObjectFlag()), c.reason(),
            c.suggested().stream().limit(3).map(s -> s.subheading().digits()).collect(Collectors.joining(" ")));
      } catch (InvalidDescriptionException e) {
        unchecked++;
        return List.of("", "", "", "", "invalid description: " + e.getMessage(), "");
      }
    }
  }

  @Override
  int work() throws Exception {
    HsChecker checker = toolkit().checker();
    Period period = Period.of(from, to);
    Tally tally = new Tally();
    long rejected = 0;
    if (period.isAll() && Declarations.formatOf(input).name().equals("csv")) {
      copyCsv(checker, tally);
    } else {
      rejected = checkDeclarations(checker, period, tally);
    }
    spec.commandLine().getErr().printf("%d rows: %d mismatches, %d review objects, %d not checked%s; wrote %s%n",
        tally.rows, tally.mismatches, tally.reviews, tally.unchecked,
        rejected == 0 ? "" : ", " + rejected + " unreadable rows set aside in " + RejectFile.beside(output).path(), output);
    return 0;
  }

  /** Every column of the CSV, as it is, then the flags. */
  private void copyCsv(HsChecker checker, Tally tally) throws Exception {
    try (CsvReader<NamedCsvRecord> in = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
            .ofNamedCsvRecord(input);
        CsvWriter w = CsvWriter.builder().build(output, StandardCharsets.UTF_8)) {
      String descColumn = null;
      String codeColumn = null;
      for (NamedCsvRecord r : in) {
        if (descColumn == null) {
          List<String> header = r.getHeader();
          descColumn = header.stream().filter(h -> h.strip().equalsIgnoreCase("description")).findFirst()
              .orElseThrow(() -> new IllegalArgumentException(input + " has no description column: " + header));
          codeColumn = CODE_COLUMNS.stream().filter(header::contains).findFirst()
              .orElseThrow(() -> new IllegalArgumentException(
                  input + " needs a declared code column, one of " + CODE_COLUMNS + ": " + header));
          List<String> out = new ArrayList<>(header);
          out.addAll(FLAG_COLUMNS);
          w.writeRecord(out);
        }
        List<String> out = new ArrayList<>(r.getFields());
        while (out.size() < r.getHeader().size()) {
          out.add("");
        }
        out.addAll(tally.flags(checker, r.findField(descColumn).orElse(""), r.findField(codeColumn).orElse("")));
        w.writeRecord(out);
      }
    }
  }

  /** The declarations of a period, in riskgate's columns, then the flags; unreadable rows set aside. */
  private long checkDeclarations(HsChecker checker, Period period, Tally tally) throws Exception {
    try (RejectFile rejects = RejectFile.beside(output);
        DeclarationStream in = Declarations.open(input, period, ColumnMapping.defaults(), rejects);
        CsvWriter w = CsvWriter.builder().build(output, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>();
      for (Field f : Field.values()) {
        header.add(f.key());
      }
      header.addAll(FLAG_COLUMNS);
      w.writeRecord(header);
      while (in.hasNext()) {
        Declaration d = in.next();
        List<String> out = new ArrayList<>();
        for (Field f : Field.values()) {
          out.add(f.textOf(d));
        }
        out.addAll(tally.flags(checker, d.description(), d.hsCode()));
        w.writeRecord(out);
      }
      return rejects.count();
    }
  }
}
