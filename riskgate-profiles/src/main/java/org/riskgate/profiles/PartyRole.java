package org.riskgate.profiles;

import java.util.Locale;
import org.riskgate.core.Declaration;
import org.riskgate.core.Field;

/** The part a party plays on a declaration. */
public enum PartyRole {
  IMPORTER, DECLARANT, SELLER, COURIER;

  /** The party in this role on a declaration; empty when the declaration names none. */
  public String partyOf(Declaration d) {
    return field().textOf(d);
  }

  /** The declaration field that names the party in this role (its column in files and the lake). */
  public Field field() {
    return switch (this) {
      case IMPORTER -> Field.IMPORTER_ID;
      case DECLARANT -> Field.DECLARANT_ID;
      case SELLER -> Field.SELLER_ID;
      case COURIER -> Field.COURIER_ID;
    };
  }

  /** Lower-case name, the prefix of this role's attribute names (e.g. {@code importer.hit_rate}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
