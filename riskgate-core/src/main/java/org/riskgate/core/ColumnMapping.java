package org.riskgate.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which header names hold which {@link Field}.
 *
 * <p>The default recognises the public Korean dataset's headers as they are. Another
 * administration's export is read with a mapping file: a properties file whose keys are field
 * keys ({@code importer_id = IMP_CODE}), overriding the defaults for those fields only.
 */
public final class ColumnMapping {
  private final Map<Field, List<String>> headers;

  private ColumnMapping(Map<Field, List<String>> headers) {
    this.headers = headers;
  }

  /** The built-in header names. */
  public static ColumnMapping defaults() {
    Map<Field, List<String>> m = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      m.put(f, f.defaultHeaders());
    }
    return new ColumnMapping(m);
  }

  /** The defaults overridden by a mapping file; unknown keys are refused with their name. */
  public static ColumnMapping fromFile(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<Field, List<String>> m = new EnumMap<>(defaults().headers);
    for (String key : p.stringPropertyNames()) {
      Field field = fieldForKey(key).orElseThrow(() -> new IllegalArgumentException(
          file + ": unknown field '" + key + "' in column mapping; known fields: " + knownKeys()));
      m.put(field, List.of(p.getProperty(key).trim()));
    }
    return new ColumnMapping(m);
  }

  private static Optional<Field> fieldForKey(String key) {
    for (Field f : Field.values()) {
      if (f.key().equals(key.trim())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String knownKeys() {
    List<String> keys = new ArrayList<>();
    for (Field f : Field.values()) {
      keys.add(f.key());
    }
    return String.join(", ", keys);
  }

  /**
   * Resolves this mapping against a file's header row.
   *
   * @return the column index of every field present, by field
   * @throws MissingColumnException naming the first required field that has no column
   */
  public Map<Field, Integer> resolve(List<String> header, String source) {
    Map<Field, Integer> index = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      for (String name : headers.get(f)) {
        int i = indexOfIgnoringCaseAndBom(header, name);
        if (i >= 0) {
          index.put(f, i);
          break;
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Field f : Field.values()) {
      if (f.required() && !index.containsKey(f)) {
        missing.add("'" + String.join("' or '", headers.get(f)) + "' (" + f.key() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingColumnException(source + ": missing required column "
          + String.join(", ", missing) + "; header is " + header
          + ". Use --columns FILE to map other header names.");
    }
    return index;
  }

  private static int indexOfIgnoringCaseAndBom(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).replace("\uFEFF", "").trim();
      if (h.equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
