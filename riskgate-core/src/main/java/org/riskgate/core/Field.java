package org.riskgate.core;

import java.util.List;

/**
 * The fields riskgate reads from a declaration file, with the header names it recognises by
 * default (the public Korean dataset's English headers first, then riskgate's snake_case names).
 */
public enum Field {
  DECLARATION_ID(true, "Declaration ID", "declaration_id"),
  DATE(true, "Date", "date"),
  OFFICE_ID(false, "Office ID", "office_id"),
  PROCESS_TYPE(false, "Process Type", "process_type"),
  IMPORT_TYPE(false, "Import Type", "import_type"),
  IMPORT_USE(false, "Import Use", "import_use"),
  PAYMENT_TYPE(false, "Payment Type", "payment_type"),
  TRANSPORT_MODE(false, "Mode of Transport", "transport_mode"),
  DECLARANT_ID(false, "Declarant ID", "declarant_id"),
  IMPORTER_ID(true, "Importer ID", "importer_id"),
  SELLER_ID(false, "Seller ID", "seller_id"),
  COURIER_ID(false, "Courier ID", "courier_id"),
  HS_CODE(true, "HS6 Code", "HS10 Code", "hs_code"),
  DEPARTURE_COUNTRY(false, "Country of Departure", "departure_country"),
  ORIGIN_COUNTRY(false, "Country of Origin", "origin_country"),
  TAX_RATE(true, "Tax Rate", "tax_rate"),
  TAX_TYPE(false, "Tax Type", "tax_type"),
  ORIGIN_INDICATOR(false, "Country of Origin Indicator", "origin_indicator"),
  NET_MASS(true, "Net Mass", "net_mass"),
  ITEM_PRICE(true, "Item Price", "item_price"),
  FRAUD(false, "Fraud", "fraud"),
  CRITICAL_FRAUD(false, "Critical Fraud", "critical_fraud"),
  REVENUE(false, "Revenue", "revenue"),
  DESCRIPTION(false, "Item Description", "description");

  private final boolean required;
  private final List<String> defaultHeaders;

  Field(boolean required, String... defaultHeaders) {
    this.required = required;
    this.defaultHeaders = List.of(defaultHeaders);
  }

  /** Whether a file without this column cannot be read at all. */
  public boolean required() {
    return required;
  }

  /** Header names recognised without a mapping file, in order of preference. */
  public List<String> defaultHeaders() {
    return defaultHeaders;
  }

  /**
   * This field of a declaration as text, as a CSV with riskgate's column names holds it (and as
   * {@link DeclarationParser} reads it back): blank when the declaration has no value.
   */
  public String textOf(Declaration d) {
    return switch (this) {
      case DECLARATION_ID -> d.id();
      case DATE -> d.date().toString();
      case OFFICE_ID -> d.officeId();
      case PROCESS_TYPE -> d.processType();
      case IMPORT_TYPE -> d.importType();
      case IMPORT_USE -> d.importUse();
      case PAYMENT_TYPE -> d.paymentType();
      case TRANSPORT_MODE -> d.transportMode();
      case DECLARANT_ID -> d.declarantId();
      case IMPORTER_ID -> d.importerId();
      case SELLER_ID -> d.sellerId();
      case COURIER_ID -> d.courierId();
      case HS_CODE -> d.hsCode();
      case DEPARTURE_COUNTRY -> d.departureCountry();
      case ORIGIN_COUNTRY -> d.originCountry();
      case TAX_RATE -> Double.toString(d.taxRate());
      case TAX_TYPE -> d.taxType();
      case ORIGIN_INDICATOR -> d.originIndicator();
      case NET_MASS -> Double.toString(d.netMass());
      case ITEM_PRICE -> Double.toString(d.itemPrice());
      case FRAUD -> d.outcome().map(o -> o.fraud() ? "1" : "0").orElse("");
      case CRITICAL_FRAUD -> d.outcome().map(o -> Integer.toString(o.criticalFraud())).orElse("");
      case REVENUE -> d.revenue().isPresent() ? Double.toString(d.revenue().getAsDouble()) : "";
      case DESCRIPTION -> d.description();
    };
  }

  /** The snake_case key used in mapping files. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
