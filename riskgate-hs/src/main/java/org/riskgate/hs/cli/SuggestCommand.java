package org.riskgate.hs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.riskgate.hs.HsSuggester;
import org.riskgate.hs.InvalidDescriptionException;
import org.riskgate.hs.Suggestion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hs suggest}: HS6 suggestions for one description or a CSV of them. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Suggest HS6 codes for a description, or for each row of --input.")
final class SuggestCommand extends Common {

  @CommandLine.Parameters(arity = "0..1", paramLabel = "DESCRIPTION")
  String description;

  @CommandLine.Option(names = "--k", defaultValue = "5", description = "number of suggestions (default 5)")
  int k;

  @CommandLine.Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @CommandLine.Option(names = "--input", paramLabel = "IN.csv", description = "CSV with a description column")
  Path input;

  @CommandLine.Option(names = "--output", paramLabel = "OUT.csv",
      description = "CSV written with description,rank,hs_code,confidence")
  Path output;

  @Override
  int work() throws Exception {
    if (k < 1 || k > 100) {
      throw new IllegalArgumentException("--k must lie in 1..100");
    }
    if ((description == null) == (input == null)) {
      throw new IllegalArgumentException("give either a DESCRIPTION or --input IN.csv");
    }
    if (input != null && output == null) {
      throw new IllegalArgumentException("--input needs --output OUT.csv");
    }
    HsSuggester s = toolkit().suggester();
    if (input != null) {
      return file(s);
    }
    List<Suggestion> list = s.suggest(description, k);
    PrintWriter out = out();
    if (json) {
      List<java.util.Map<String, Object>> rows = list.stream().map(x -> {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rank", x.rank());
        m.put("hs_code", x.subheading().digits());
        m.put("heading", x.heading());
        m.put("chapter", x.chapter());
        m.put("confidence", x.confidence());
        m.put("description", x.description());
        m.put("evidence", x.evidence());
        return m;
      }).toList();
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
    } else if (list.isEmpty()) {
      out.println("no HS evidence found in the description");
    } else {
      for (Suggestion x : list) {
        out.printf(Locale.ROOT, "%d  %s  %.3f  %s%n", x.rank(), x.subheading(), x.confidence(), x.description());
        for (String e : x.evidence()) {
          out.println("       " + e);
        }
      }
    }
    out.flush();
    return 0;
  }

  private int file(HsSuggester s) throws Exception {
    int rows = 0;
    int bad = 0;
    try (CsvReader<NamedCsvRecord> in = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
            .ofNamedCsvRecord(input);
        CsvWriter w = CsvWriter.builder().build(output, StandardCharsets.UTF_8)) {
      w.writeRecord("description", "rank", "hs_code", "confidence");
      boolean checked = false;
      for (NamedCsvRecord r : in) {
        if (!checked && !r.getHeader().contains("description")) {
          throw new IllegalArgumentException(input + " has no description column: " + r.getHeader());
        }
        checked = true;
        rows++;
        String d = r.findField("description").orElse("");
        List<Suggestion> list;
        try {
          list = s.suggest(d, k);
        } catch (InvalidDescriptionException e) {
          spec.commandLine().getErr().println("line " + r.getStartingLineNumber() + ": " + e.getMessage());
          list = List.of();
          bad++;
        }
        // k rows per input row, as promised; ranks without a suggestion keep an empty code
        for (int i = 0; i < k; i++) {
          if (i < list.size()) {
            Suggestion x = list.get(i);
            w.writeRecord(d, Integer.toString(i + 1), x.subheading().digits(),
                String.format(Locale.ROOT, "%.4f", x.confidence()));
          } else {
            w.writeRecord(d, Integer.toString(i + 1), "", "0");
          }
        }
      }
    }
    spec.commandLine().getErr().printf("%d rows, %d with invalid descriptions; wrote %s%n", rows, bad, output);
    return 0;
  }
}
