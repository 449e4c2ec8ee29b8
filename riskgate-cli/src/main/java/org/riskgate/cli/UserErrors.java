package org.riskgate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Shows a failed command as one clear line. Bad input (a missing column, an unreadable file, a
 * wrong option value) exits with 2; anything else is an internal error, exit 1, with the trace
 * only when {@code RISKGATE_DEBUG} is set.
 */
final class UserErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof IOException
        || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      cmd.getErr().println("error: " + message);
      return 2;
    }
    cmd.getErr().println("internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    if (System.getenv("RISKGATE_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    } else {
      cmd.getErr().println("(set RISKGATE_DEBUG=1 to see the stack trace)");
    }
    return 1;
  }
}
