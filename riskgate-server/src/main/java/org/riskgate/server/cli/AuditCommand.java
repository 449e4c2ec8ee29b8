package org.riskgate.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.riskgate.server.store.AuditChain;
import org.riskgate.server.store.DataDirectory;
import org.riskgate.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate audit}: checks of the server's audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the server's audit log.",
    subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code riskgate audit verify}: walks the hash chain and compares its end with the head file. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every link of the audit log's hash chain and its end against the data directory's"
          + " audit-head file. Exit 0: intact; 1: broken (the first broken link is named); 2: cannot check.")
  static final class Verify implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data directory (default: ~/.riskgate).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the store, when not the embedded one.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
        description = "File holding the --db store's password (default: the RISKGATE_DB_PASSWORD environment variable).")
    Path dbPasswordFile;

    @Override
    public Integer call() {
      Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".riskgate");
      Path head = dir.resolve(DataDirectory.AUDIT_HEAD);
      try {
        if (db == null && !Files.exists(dir.resolve("riskgate.mv.db"))) {
          System.err.println("riskgate audit verify: no store in " + dir + " (give --data-dir, or --db)");
          return 2;
        }
        Optional<String> password = StoreOptions.password(db, dbPasswordFile);
        AuditChain.Report r;
        try (Database d = DataDirectory.open(dir, Optional.ofNullable(db), password)) {
          r = AuditChain.verify(d, Optional.of(head));
        }
        String covered = r.unchained() == 0 ? "" : " (" + r.unchained() + " older entries predate the chain and are not covered)";
        if (!Files.exists(head)) {
          System.out.println("note: " + head + " does not exist: a removed last entry cannot be detected");
        }
        if (r.intact()) {
          System.out.println("audit log intact: " + r.entries() + " chained entries" + covered
              + r.last().map(h -> ", last " + h.seq() + " " + h.hash()).orElse(""));
          return 0;
        }
        System.out.println("audit log BROKEN: " + r.problem().get());
        System.out.println("checked " + r.entries() + " entries intact before it" + covered);
        return 1;
      } catch (Exception e) {
        System.err.println("riskgate audit verify: " + e.getMessage());
        return 2;
      }
    }
  }
}
