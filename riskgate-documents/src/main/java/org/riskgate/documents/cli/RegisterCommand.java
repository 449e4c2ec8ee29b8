package org.riskgate.documents.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.riskgate.documents.Kind;
import org.riskgate.documents.Reference;
import org.riskgate.documents.verify.DefaultDocumentVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code riskgate docs register}. */
@Command(name = "register", mixinStandardHelpOptions = true, description = "Register a reference image of an issuer's stamp or signature.")
final class RegisterCommand implements Callable<Integer> {
  @Mixin DocsCommand.RegistryOptions registry = new DocsCommand.RegistryOptions();

  @Option(names = "--issuer", required = true, description = "issuer id")
  String issuer;

  @Option(names = "--kind", required = true, description = "stamp or signature")
  String kind;

  @Option(names = "--valid-from", description = "first valid day, ISO date (default: today)")
  LocalDate validFrom;

  @Option(names = "--valid-until", description = "last valid day, ISO date (default: open-ended)")
  LocalDate validUntil = Reference.OPEN_END;

  @Parameters(paramLabel = "IMAGE", description = "reference image (PNG, JPEG, TIFF) holding only the stamp or signature")
  Path image;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      Reference r = DefaultDocumentVerifier.registry(registry.config())
          .register(issuer, Kind.parse(kind), image, validFrom == null ? LocalDate.now() : validFrom, validUntil);
      System.out.println("registered " + r.id() + " (" + r.kind().label() + " of " + r.issuer() + ", valid "
          + r.validFrom() + " to " + r.validUntil() + ")");
      return 0;
    });
  }
}
