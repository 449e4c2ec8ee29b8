package org.riskgate.core;

/**
 * A row that could not be read, with enough detail to find and fix it.
 *
 * @param file the source file
 * @param line the 1-based line where the row starts
 * @param field the field (column header) at fault, or {@code (row)} for the row as a whole
 * @param value the offending value as read
 * @param reason what is wrong, in words
 */
public record Reject(String file, long line, String field, String value, String reason) {

  /** One line of text naming file, line, field and reason. */
  public String describe() {
    return file + ":" + line + ": field '" + field + "': " + reason
        + (value.isEmpty() ? "" : " (value '" + value + "')");
  }
}
