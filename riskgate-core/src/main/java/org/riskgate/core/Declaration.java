package org.riskgate.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One import declaration (one item line), as the risk engine sees it.
 *
 * <p>Party ids that a declaration does not carry (a blank seller or courier is common and
 * legitimate) are empty strings, never null. {@code hsCode} holds the declared code as digits
 * (6 to 10); {@link #hs6()} is its international part.
 *
 * @param outcome the inspection result when known (training and evaluation data)
 * @param revenue the tax actually at stake when the source has such a column
 * @param description the declared item description when the source has one
 */
public record Declaration(
    String id,
    LocalDate date,
    String officeId,
    String processType,
    String importType,
    String importUse,
    String paymentType,
    String transportMode,
    String declarantId,
    String importerId,
    String sellerId,
    String courierId,
    String hsCode,
    String departureCountry,
    String originCountry,
    double taxRate,
    String taxType,
    String originIndicator,
    double netMass,
    double itemPrice,
    Optional<InspectionOutcome> outcome,
    OptionalDouble revenue,
    String description) {

  public Declaration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(hsCode, "hsCode");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(revenue, "revenue");
    if (hsCode.length() < 6) {
      throw new IllegalArgumentException("HS code needs at least 6 digits: " + hsCode);
    }
  }

  /** The six-digit international HS subheading. */
  public String hs6() {
    return hsCode.substring(0, 6);
  }

  /** Tax at stake on this declaration: the revenue column when present, else price × rate / 100. */
  public double taxAtStake() {
    return revenue.orElse(itemPrice * taxRate / 100.0);
  }

  /** Whether inspection found fraud; false when the outcome is unknown. */
  public boolean isFraud() {
    return outcome.map(InspectionOutcome::fraud).orElse(false);
  }

  /** The same declaration with an inspection outcome attached. */
  public Declaration withOutcome(InspectionOutcome result) {
    return new Declaration(id, date, officeId, processType, importType, importUse, paymentType,
        transportMode, declarantId, importerId, sellerId, courierId, hsCode, departureCountry,
        originCountry, taxRate, taxType, originIndicator, netMass, itemPrice,
        Optional.of(result), revenue, description);
  }
}
