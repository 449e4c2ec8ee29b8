package org.riskgate.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Path;
import org.riskgate.server.store.OwnerOnly;
import org.slf4j.LoggerFactory;

/**
 * The server's log file: {@code riskgate.log} in the data directory, INFO and above, rolled at
 * 10 MB with five old files kept (so a flood of logged events costs at most 60 MB of disk).
 * Everything logged through SLF4J or {@link System.Logger} lands there.
 */
public final class ServerLog {
  public static final String FILE = "riskgate.log";
  private static final String APPENDER = "riskgate-file";

  private ServerLog() {}

  /**
   * Adds the log file to the root logger (once).
   *
   * @return the file, or the reason there is none (no logback on the class path)
   */
  public static Path toFile(Path dataDir) throws IOException {
    OwnerOnly.directory(dataDir);
    Path file = dataDir.toAbsolutePath().resolve(FILE);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      throw new IllegalStateException("the server's log file needs logback on the class path, found "
          + LoggerFactory.getILoggerFactory().getClass().getName());
    }
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(APPENDER) != null) {
      return file;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{30}: %msg%n");
    encoder.start();
    RollingFileAppender<ILoggingEvent> out = new RollingFileAppender<>();
    out.setContext(ctx);
    out.setName(APPENDER);
    out.setFile(file.toString());
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(ctx);
    rolling.setParent(out);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(5);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();
    out.setRollingPolicy(rolling);
    out.setTriggeringPolicy(trigger);
    out.setEncoder(encoder);
    out.start();
    root.addAppender(out);
    if (root.getLevel() == null || root.getLevel().toInt() > ch.qos.logback.classic.Level.INFO_INT) {
      root.setLevel(ch.qos.logback.classic.Level.INFO);
    }
    OwnerOnly.file(file);
    return file;
  }
}
