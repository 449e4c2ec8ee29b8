package org.riskgate.documents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A registered reference image of an issuer's stamp or signature.
 *
 * @param id unique id in the registry, e.g. {@code KR-017-stamp-1}
 * @param issuer the issuer it belongs to
 * @param kind stamp or signature
 * @param validFrom first day on which documents may carry it
 * @param validUntil last day on which documents may carry it
 * @param retired true once withdrawn; kept on disk for audit but never compared with
 */
public record Reference(
    String id, String issuer, Kind kind, LocalDate validFrom, LocalDate validUntil, boolean retired) {

  /** Far enough in the future to mean "until further notice". */
  public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

  /** Checks the arguments. */
  public Reference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    if (validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("validity ends before it starts: " + validFrom + " > " + validUntil);
    }
  }

  /** True when not retired and {@code day} lies in the validity period. */
  public boolean activeOn(LocalDate day) {
    return !retired && !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
