package org.riskgate.hs.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsChecker;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.InvalidDescriptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hs check}: copies a declarations CSV and appends the HS flags, so they can feed the risk
 * model and the lane reasons.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Add hs_mismatch, hs_mismatch_score, hs_requirement, hs_review_object, hs_reason and"
        + " hs_suggested columns to declarations with a description and a declared code"
        + " (hs_code, HS6 Code or HS10 Code).")
final class CheckCommand extends Common {

  /** Declared-code columns accepted, most specific first. */
  static final List<String> CODE_COLUMNS = List.of("HS10 Code", "HS6 Code", "hs_code");

  @CommandLine.Option(names = "--input", required = true, paramLabel = "DECLS.csv")
  Path input;

  @CommandLine.Option(names = "--output", required = true, paramLabel = "OUT.csv")
  Path output;

  @Override
  int work() throws Exception {
    HsChecker checker = toolkit().checker();
    int rows = 0;
    int mismatches = 0;
    int reviews = 0;
    int unchecked = 0;
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
          out.addAll(List.of("hs_mismatch", "hs_mismatch_score", "hs_requirement", "hs_review_object", "hs_reason",
              "hs_suggested"));
          w.writeRecord(out);
        }
        rows++;
        List<String> out = new ArrayList<>(r.getFields());
        while (out.size() < r.getHeader().size()) {
          out.add("");
        }
        String desc = r.findField(descColumn).orElse("");
        Optional<HsCode> code = HsCode.tryParse(r.findField(codeColumn).orElse(""));
        if (code.isEmpty()) {
          unchecked++;
          out.addAll(List.of("", "", "", "", "declared code is not a valid HS code", ""));
        } else {
          try {
            HsCheck c = checker.check(desc, code.get());
            mismatches += c.mismatch() ? 1 : 0;
            reviews += c.reviewObjectFlag() ? 1 : 0;
            out.addAll(List.of(Boolean.toString(c.mismatch()), String.format(Locale.ROOT, "%.4f", c.mismatchScore()),
                c.requirement().orElse(""), Boolean.toString(c.reviewObjectFlag()), c.reason(),
                c.suggested().stream().limit(3).map(s -> s.subheading().digits()).collect(Collectors.joining(" "))));
          } catch (InvalidDescriptionException e) {
            unchecked++;
            out.addAll(List.of("", "", "", "", "invalid description: " + e.getMessage(), ""));
          }
        }
        w.writeRecord(out);
      }
    }
    spec.commandLine().getErr().printf("%d rows: %d mismatches, %d review objects, %d not checked; wrote %s%n",
        rows, mismatches, reviews, unchecked, output);
    return 0;
  }
}
