package org.riskgate.core;

/** A declaration file lacks a column without which no row can be read; the message names it. */
public final class MissingColumnException extends IllegalArgumentException {
  public MissingColumnException(String message) {
    super(message);
  }
}
