package org.riskgate.documents.cli;

import java.util.concurrent.Callable;
import org.riskgate.documents.Reference;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code riskgate docs retire}. */
@Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire a reference: kept on disk, no longer compared with.")
final class RetireCommand implements Callable<Integer> {
  @Mixin DocsCommand.RegistryOptions registry = new DocsCommand.RegistryOptions();

  @Parameters(paramLabel = "ID", description = "reference id as shown by list")
  String id;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      Reference r = DefaultDocumentVerifier.registry(registry.config()).retire(id);
      System.out.println("retired " + r.id());
      return 0;
    });
  }
}
