package org.riskgate.server.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.profiles.ProfileStore;
import org.riskgate.server.store.DeclarationStore;

/**
 * Party profiles over everything known: a labelled history file (the demo's training year) and
 * the stored declarations with their recorded results. Rebuilt at most once a minute, when asked.
 */
public final class ProfileService {
  private static final Duration STALE = Duration.ofMinutes(1);
  private final DeclarationStore declarations;
  private final List<Declaration> baseHistory;
  private ProfileStore profiles;
  private Instant builtAt = Instant.EPOCH;

  /** @param historyFile a labelled CSV file that profiles start from, if any */
  public ProfileService(DeclarationStore declarations, Optional<Path> historyFile) throws IOException {
    this.declarations = declarations;
    this.baseHistory = historyFile.isPresent()
        ? DeclarationReader.readAll(historyFile.get(), ColumnMapping.defaults(), new org.riskgate.server.Platform.Collected())
        : List.of();
  }

  private synchronized ProfileStore profiles() {
    if (profiles == null || Instant.now().isAfter(builtAt.plus(STALE))) {
      List<Declaration> all = new ArrayList<>(baseHistory);
      all.addAll(declarations.history());
      profiles = ProfileStore.build(all, ProfileConfig.defaults());
      builtAt = Instant.now();
    }
    return profiles;
  }

  /** Forgets the built profiles, so the next question sees the latest results. */
  public synchronized void refresh() {
    profiles = null;
  }

  /** A party's profile as of a day (from declarations strictly before it). */
  public Optional<PartyProfile> profile(PartyRole role, String id, LocalDate asOf) {
    return profiles().profile(role, id, asOf);
  }

  /**
   * The party attributes of a declaration as of its date ({@code importer.hit_rate} ...), for
   * rules; see {@link ProfileStore#features(Declaration)}.
   */
  public java.util.Map<String, Double> features(Declaration d) {
    return profiles().features(d);
  }

  /**
   * Rules that can also test the parties' profiles: each declaration's attributes are completed
   * with {@link #features} before the rules see them.
   */
  public org.riskgate.selectivity.RuleSet withProfiles(org.riskgate.selectivity.RuleSet rules) {
    if (rules == org.riskgate.selectivity.RuleSet.NONE) {
      return rules;
    }
    return (d, score, attributes) -> {
      java.util.Map<String, Double> all = new java.util.HashMap<>(features(d));
      if (attributes != null) {
        all.putAll(attributes);
      }
      return rules.apply(d, score, all);
    };
  }

  /** Parses a role name from a URL. */
  public static PartyRole role(String s) {
    try {
      return PartyRole.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + s + "' (importer, declarant, seller or courier)");
    }
  }
}
