package org.riskgate.risk.features;

import java.util.function.Function;
import org.riskgate.core.Declaration;

/**
 * The things a declaration's history is kept for. A key that is blank on a declaration (no
 * seller, no courier) has no history: blank is legitimate and must not pool unrelated rows.
 */
enum Key {
  IMPORTER("importer", true, Declaration::importerId),
  DECLARANT("declarant", true, Declaration::declarantId),
  SELLER("seller", true, Declaration::sellerId),
  COURIER("courier", true, Declaration::courierId),
  HS6("HS code", false, Declaration::hs6),
  HS4("HS heading", false, d -> d.hsCode().substring(0, 4)),
  HS2("HS chapter", false, d -> d.hsCode().substring(0, 2)),
  ORIGIN("origin country", false, Declaration::originCountry),
  HS6_ORIGIN("HS code from this origin", false, d -> d.hs6() + "|" + d.originCountry()),
  IMPORTER_HS6("importer with this HS code", false, d -> blankOr(d.importerId(), d.hs6())),
  DECLARANT_IMPORTER("declarant with this importer", false,
      d -> d.declarantId().isEmpty() ? "" : d.declarantId() + "|" + d.importerId()),
  OFFICE_HS2("office with this HS chapter", false, d -> d.officeId() + "|" + d.hsCode().substring(0, 2)),
  TAX_TYPE("tax type", false, Declaration::taxType);

  final String label;
  final boolean party;
  final Function<Declaration, String> of;

  Key(String label, boolean party, Function<Declaration, String> of) {
    this.label = label;
    this.party = party;
    this.of = of;
  }

  String featurePrefix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String blankOr(String a, String b) {
    return a.isEmpty() ? "" : a + "|" + b;
  }
}
