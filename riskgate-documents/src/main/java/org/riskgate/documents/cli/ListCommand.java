package org.riskgate.documents.cli;

import java.util.concurrent.Callable;
import org.riskgate.documents.Reference;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code riskgate docs list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List registered references.")
final class ListCommand implements Callable<Integer> {
  @Mixin DocsCommand.RegistryOptions registry = new DocsCommand.RegistryOptions();

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      for (Reference r : DefaultDocumentVerifier.registry(registry.config()).list()) {
        System.out.printf("%-28s %-12s %-9s %s..%s%s%n", r.id(), r.issuer(), r.kind().label(), r.validFrom(), r.validUntil(),
            r.retired() ? "  retired" : "");
      }
      return 0;
    });
  }
}
