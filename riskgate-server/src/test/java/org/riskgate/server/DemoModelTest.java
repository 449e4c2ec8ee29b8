package org.riskgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskgate.risk.ModelBundle;
import org.riskgate.risk.xgboost.XGBoostOptions;

/** The platform's own demo model after an upgrade that cannot read it. */
class DemoModelTest {
  private static final XGBoostOptions SMALL = new XGBoostOptions(20, 5, 0.3, 4, 3, 0.8, 0.7, 2, 1);

  /** A demo model from an older riskgate: provenance, but no feature state in today's format. */
  private static Path olderDemo(Path dataDir) throws IOException {
    Path demo = dataDir.resolve("models").resolve("demo");
    Files.createDirectories(demo);
    Files.copy(Fixtures.bundle().resolve("provenance.json"), demo.resolve("provenance.json"));
    return demo;
  }

  @Test
  void anUnreadableDemoModelIsMovedAsideAndTrainedAnew(@TempDir Path dataDir) throws IOException {
    Path demo = olderDemo(dataDir);
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    ModelBundle b = Platform.demoBundle(demo, Optional.of(Fixtures.DATA), SMALL,
        new PrintStream(said, true, StandardCharsets.UTF_8));
    assertThat(ModelBundle.load(demo).id()).isEqualTo(b.id());
    List<Path> aside;
    try (Stream<Path> s = Files.list(demo.getParent())) {
      aside = s.filter(p -> p.getFileName().toString().startsWith("demo-unreadable-")).toList();
    }
    assertThat(aside).hasSize(1);
    assertThat(aside.get(0).resolve("provenance.json")).as("the old model is kept, not deleted").exists();
    assertThat(said.toString(StandardCharsets.UTF_8)).contains("cannot be read", "features.bin.gz", "training it anew");
  }

  @Test
  void withoutDemoDataTheUnreadableModelIsReportedNotReplaced(@TempDir Path dataDir) throws IOException {
    Path demo = olderDemo(dataDir);
    assertThatThrownBy(() -> Platform.demoBundle(demo, Optional.empty(), SMALL, System.out))
        .isInstanceOf(IOException.class).hasMessageContaining("retrain it");
    assertThat(demo.resolve("provenance.json")).exists();
  }
}
