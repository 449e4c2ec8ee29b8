package org.riskgate.server.checks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.riskgate.core.Declaration;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.hs.HsCheck;
import org.riskgate.hs.HsEvidence;
import org.riskgate.hs.HsCode;
import org.riskgate.hs.HsNode;
import org.riskgate.hs.HsToolkit;
import org.riskgate.hs.Suggestion;

/**
 * HS suggestion and the declared-code check. The toolkit takes a few seconds to build, so it is
 * built in the background at start and the first caller waits for it.
 */
public final class HsService {
  private final CompletableFuture<HsToolkit> toolkit;
  private final CompletableFuture<HsEvidence> evidence;

  public HsService() {
    this.toolkit = CompletableFuture.supplyAsync(HsToolkit::builtIn);
    this.evidence = toolkit.thenApply(HsEvidence::new);
  }

  /** The HS checks as evidence for decisions; the first decision waits for the toolkit. */
  public EvidenceSource evidence() {
    return d -> evidence.join().about(d);
  }

  private HsToolkit toolkit() {
    return toolkit.join();
  }

  /**
   * The {@code k} most likely HS6 codes for a description.
   *
   * @throws IllegalArgumentException when the description is empty, huge or binary
   */
  public List<Suggestion> suggest(String description, int k) {
    if (k < 1 || k > 20) {
      throw new IllegalArgumentException("k must be 1..20");
    }
    return toolkit().suggester().suggest(description, k);
  }

  /** The declared code checked against the declaration's description; empty without a description. */
  public Optional<HsCheck> check(Declaration d) {
    if (d.description().isBlank()) {
      return Optional.empty();
    }
    return HsCode.tryParse(d.hsCode()).map(code -> toolkit().checker().check(d.description(), code));
  }

  /** The declared code's place in the nomenclature, chapter first; empty for an unknown code. */
  public List<HsNode> path(String code) {
    return HsCode.tryParse(code).map(c -> toolkit().nomenclature().path(c)).orElse(List.of());
  }
}
