package org.riskgate.core.evidence;

import java.util.Locale;

/** Which check found something: also the source a decision's reason names. */
public enum EvidenceKind {
  /** The declared HS code against the nomenclature and the description. */
  HS,
  /** Stamps and signatures on the declaration's documents. */
  DOCUMENTS,
  /** The parties' own histories. */
  PROFILE,
  /** The trader network the parties belong to. */
  NETWORK,
  /** Supervisors' watchlists. */
  WATCHLIST;

  /** The lower-case name, as reasons and the API write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
