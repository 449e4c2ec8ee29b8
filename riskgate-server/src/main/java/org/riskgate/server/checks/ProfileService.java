package org.riskgate.server.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.riskgate.profiles.groups.GroupFinder;
import org.riskgate.profiles.groups.GroupQuery;
import org.riskgate.profiles.groups.GroupReport;
import org.riskgate.profiles.network.NetworkConfig;
import org.riskgate.profiles.network.TraderNetwork;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.riskgate.core.ColumnMapping;
import org.riskgate.core.Declaration;
import org.riskgate.core.DeclarationReader;
import org.riskgate.core.InspectionOutcome;
import org.riskgate.profiles.LiveProfiles;
import org.riskgate.profiles.PartyProfile;
import org.riskgate.profiles.PartyRole;
import org.riskgate.profiles.ProfileConfig;
import org.riskgate.core.evidence.EvidenceSource;
import org.riskgate.profiles.ProfileEvidence;
import org.riskgate.server.Refusals;
import org.riskgate.server.store.DeclarationStore;
import org.riskgate.server.store.InspectionResult;

/**
 * Party profiles over everything known: a labelled history file (the demo's training year) and
 * the stored declarations with their recorded results, read once at start. From then on the
 * profiles follow the store event by event ({@link #added}, {@link #recorded}), told by the
 * platform after each commit; scoring reads them without waiting ({@link LiveProfiles}).
 */
public final class ProfileService {
  /** Networks kept, by date: the profile page and its API ask for a few dates, mostly the latest. */
  private static final int NETWORKS_KEPT = 4;
  private final LiveProfiles profiles;
  private final DeclarationStore declarations;
  private final List<Declaration> fileHistory;
  /** Bumped at every change the profiles learn, so a network built before it is built again. */
  private final AtomicLong version = new AtomicLong();
  private final Map<LocalDate, Built> networks = new LinkedHashMap<>(8, 0.75f, true);

  private record Built(long version, TraderNetwork network) {}

  /** @param fileHistory the declarations of a labelled history file that profiles start from ({@link #readHistory}) */
  public ProfileService(DeclarationStore declarations, List<Declaration> fileHistory) {
    this.declarations = declarations;
    this.fileHistory = List.copyOf(fileHistory);
    this.profiles = new LiveProfiles(history(), ProfileConfig.defaults());
  }

  /**
   * Everything known, as it stands now: the history file and the stored declarations with their
   * recorded results. The network and the groups need the declarations themselves, the live
   * profiles only their counts.
   */
  private List<Declaration> history() {
    List<Declaration> all = new ArrayList<>(fileHistory);
    all.addAll(declarations.history());
    return all;
  }

  /**
   * The trader network as of a day (from declarations strictly before it), built on first use
   * and again after the store changed.
   */
  public TraderNetwork network(LocalDate asOf) throws IOException {
    long now = version.get();
    synchronized (networks) {
      Built b = networks.get(asOf);
      if (b != null && b.version() == now) {
        return b.network();
      }
    }
    // built outside the lock: a build reads the whole history, and other dates need not wait
    TraderNetwork net = TraderNetwork.build(history(), asOf, NetworkConfig.defaults());
    synchronized (networks) {
      networks.put(asOf, new Built(now, net));
      while (networks.size() > NETWORKS_KEPT) {
        networks.remove(networks.keySet().iterator().next());
      }
    }
    return net;
  }

  /**
   * The high-risk groups of a period ({@link GroupFinder}), over everything known up to its last
   * day; a period without recorded results is searched by the importers' risk scores instead.
   */
  public GroupReport groups(GroupQuery query) throws IOException {
    List<Declaration> upTo = history().stream().filter(d -> !d.date().isAfter(query.to())).toList();
    return GroupFinder.find(upTo, query, Optional.of(d -> features(d).getOrDefault("importer.risk", 0.0)));
  }

  /** The declarations of a labelled CSV history file, with their outcomes; none without a file. */
  public static List<Declaration> readHistory(Optional<Path> historyFile) throws IOException {
    return historyFile.isPresent()
        ? DeclarationReader.readAll(historyFile.get(), ColumnMapping.defaults(), new org.riskgate.server.Platform.Collected())
        : List.of();
  }

  /**
   * Declarations just committed to the store. An outcome a file carried is not a recorded
   * result, so it is left out, as {@link DeclarationStore#history()} leaves it out.
   */
  public void added(List<Declaration> stored) {
    version.incrementAndGet();
    for (Declaration d : stored) {
      profiles.add(d.outcome().isEmpty() ? d : new Declaration(d.id(), d.date(), d.officeId(), d.processType(),
          d.importType(), d.importUse(), d.paymentType(), d.transportMode(), d.declarantId(), d.importerId(),
          d.sellerId(), d.courierId(), d.hsCode(), d.departureCountry(), d.originCountry(), d.taxRate(), d.taxType(),
          d.originIndicator(), d.netMass(), d.itemPrice(), Optional.empty(), d.revenue(), d.description()));
    }
  }

  /**
   * An inspection result just committed for a declaration.
   *
   * @param before the result it replaced, if any
   */
  public void recorded(Declaration d, Optional<InspectionResult> before, InspectionResult r) {
    version.incrementAndGet();
    profiles.relabel(d, before.map(ProfileService::outcome), outcome(r));
  }

  private static InspectionOutcome outcome(InspectionResult r) {
    return new InspectionOutcome(r.fraud(), r.critical());
  }

  /** A party's profile as of a day (from declarations strictly before it). */
  public Optional<PartyProfile> profile(PartyRole role, String id, LocalDate asOf) {
    return profiles.profile(role, id, asOf);
  }

  /**
   * The party attributes of a declaration as of its date ({@code importer.hit_rate} ...), for
   * rules; see {@link org.riskgate.profiles.ProfileStore#features(Declaration)}.
   */
  public Map<String, Double> features(Declaration d) {
    return profiles.features(d);
  }

  /** The parties' profiles as evidence for decisions: their figures for rules, their records as reasons. */
  public EvidenceSource evidence() {
    return new ProfileEvidence(this::features);
  }

  /** Parses a role name from a URL. */
  public static PartyRole role(String s) {
    try {
      return PartyRole.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusals.refused("refused.partyRole");
    }
  }
}
