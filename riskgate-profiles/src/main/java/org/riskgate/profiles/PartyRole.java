package org.riskgate.profiles;

import java.util.Locale;
import org.riskgate.core.Declaration;

/** The part a party plays on a declaration. */
public enum PartyRole {
  IMPORTER, DECLARANT, SELLER, COURIER;

  /** The party in this role on a declaration; empty when the declaration names none. */
  public String partyOf(Declaration d) {
    return switch (this) {
      case IMPORTER -> d.importerId();
      case DECLARANT -> d.declarantId();
      case SELLER -> d.sellerId();
      case COURIER -> d.courierId();
    };
  }

  /** Lower-case name, the prefix of this role's attribute names (e.g. {@code importer.hit_rate}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
