package org.riskgate.server.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.riskgate.core.Declaration;

/**
 * A declaration as posted to the API: the same fields as a CSV row, held to the same
 * {@link InputChecks} after this record's own. Text fields that a
 * declaration may lack can be left out; id, date, importerId, hsCode and the numbers are required.
 */
public record DeclarationInput(
    String id, LocalDate date, String officeId, String processType, String importType, String importUse,
    String paymentType, String transportMode, String declarantId, String importerId, String sellerId,
    String courierId, String hsCode, String departureCountry, String originCountry, double taxRate,
    String taxType, String originIndicator, double netMass, double itemPrice, Double revenue,
    String description) {

  /** The declaration, after the same checks the CSV reader makes. */
  public Declaration toDeclaration() {
    String declId = required("id", id, 64);
    if (date == null) {
      throw new IllegalArgumentException("field 'date' is required (YYYY-MM-DD)");
    }
    String hs = required("hsCode", hsCode, 16);
    if (!hs.matches("\\d{6,10}")) {
      throw new IllegalArgumentException("field 'hsCode' must be 6 to 10 digits");
    }
    check("taxRate", taxRate, 1000);
    check("netMass", netMass, Double.MAX_VALUE);
    check("itemPrice", itemPrice, Double.MAX_VALUE);
    if (revenue != null) {
      check("revenue", revenue, Double.MAX_VALUE);
    }
    return new Declaration(declId, date, opt("officeId", officeId), opt("processType", processType),
        opt("importType", importType), opt("importUse", importUse), opt("paymentType", paymentType),
        opt("transportMode", transportMode), opt("declarantId", declarantId), required("importerId", importerId, 64),
        opt("sellerId", sellerId), opt("courierId", courierId), hs, opt("departureCountry", departureCountry),
        opt("originCountry", originCountry), taxRate, opt("taxType", taxType), opt("originIndicator", originIndicator),
        netMass, itemPrice, Optional.empty(), revenue == null ? OptionalDouble.empty() : OptionalDouble.of(revenue),
        description == null ? "" : limit("description", description, 2000));
  }

  private static String required(String name, String v, int max) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("field '" + name + "' is required");
    }
    // not trimmed: a trim would quietly drop control characters, which the checks must see
    return limit(name, v, max);
  }

  private static String opt(String name, String v) {
    return v == null ? "" : limit(name, v, 64);
  }

  private static String limit(String name, String v, int max) {
    if (v.length() > max) {
      throw new IllegalArgumentException("field '" + name + "' is longer than " + max + " characters");
    }
    return v;
  }

  private static void check(String name, double v, double max) {
    if (!(v >= 0 && v <= max)) {
      throw new IllegalArgumentException("field '" + name + "' must be a number in [0, " + max + "]");
    }
  }
}
