package org.riskgate.documents.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.riskgate.documents.Kind;
import org.riskgate.documents.synth.Forgery;
import org.riskgate.documents.synth.Issuer;
import org.riskgate.documents.synth.PageSample;
import org.riskgate.documents.synth.SyntheticData;
import org.riskgate.documents.synth.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate docs generate}. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a synthetic data set: reference images, scanned pages and their ground truth.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--seed", description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed = 7;

  @Option(names = "--issuers", description = "issuers to make; a fifth validation, a fifth test (default: ${DEFAULT-VALUE})")
  int issuers = 20;

  @Option(names = "--pages-per-issuer", description = "pages per issuer (default: ${DEFAULT-VALUE})")
  int pages = 3;

  @Override
  public Integer call() throws Exception {
    return DocsCommand.guarded(() -> {
      SyntheticData data = new SyntheticData(seed, issuers);
      Files.createDirectories(out.resolve("references"));
      Files.createDirectories(out.resolve("pages"));
      List<Map<String, Object>> truth = new ArrayList<>();
      for (Issuer issuer : data.issuers()) {
        Random refRng = new Random(seed * 31 + issuer.id().hashCode());
        for (Kind k : Kind.values()) {
          ImageIO.write(data.reference(issuer, k, refRng), "png",
              out.resolve("references").resolve(issuer.id() + "-" + k.label() + ".png").toFile());
        }
        for (int i = 0; i < pages; i++) {
          Random rng = new Random(seed * 1_000_003L + issuer.id().hashCode() * 131L + i);
          PageSample p = data.page(issuer, Forgery.values()[i % 3], Forgery.values()[(i + 1) % 3], rng);
          String name = String.format(Locale.ROOT, "%s-%03d.png", issuer.id(), i);
          ImageIO.write(p.image(), "png", out.resolve("pages").resolve(name).toFile());
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("page", "pages/" + name);
          row.put("issuer", issuer.id());
          row.put("split", issuer.split().name().toLowerCase(Locale.ROOT));
          List<Map<String, Object>> items = new ArrayList<>();
          for (Truth t : p.truths()) {
            items.add(Map.of("kind", t.kind().label(), "box", List.of(t.box().x(), t.box().y(), t.box().width(), t.box().height()),
                "forgery", t.forgery().name().toLowerCase(Locale.ROOT), "source", t.source()));
          }
          row.put("truth", items);
          truth.add(row);
        }
        System.out.println("wrote " + issuer.id() + " (" + issuer.split().name().toLowerCase(Locale.ROOT) + ")");
      }
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("truth.json").toFile(), truth);
      return 0;
    });
  }
}
