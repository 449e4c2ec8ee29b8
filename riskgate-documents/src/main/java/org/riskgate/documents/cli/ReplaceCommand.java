package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskgate.documents.Reference;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code riskgate docs replace}. */
@Command(name = "replace", mixinStandardHelpOptions = true, description = "Replace the image of a registered reference.")
final class ReplaceCommand implements Callable<Integer> {
  @Mixin DocsCommand.RegistryOptions registry = new DocsCommand.RegistryOptions();

  @Parameters(index = "0", paramLabel = "ID", description = "reference id as shown by list")
  String id;

  @Parameters(index = "1", paramLabel = "IMAGE", description = "the new reference image")
  Path image;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      Reference r = DefaultDocumentVerifier.registry(registry.config()).replace(id, image);
      System.out.println("replaced the image of " + r.id());
      return 0;
    });
  }
}
