package org.riskgate.selectivity.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.riskgate.core.Declaration;

/** The names a rule may test, each with its type; dotted names are caller-supplied attributes. */
final class Fields {
  private Fields() {}

  enum Type {
    TEXT, NUMBER, DATE;

    /** The type in words, for problems ("text", "a number", "a date" in English). */
    org.riskgate.core.evidence.Phrase words() {
      return RuleProblem.words("type." + name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Reads a text value. */
  interface TextGetter {
    String get(Input in);
  }

  /** Reads a number; may fail for one declaration. */
  interface NumberGetter {
    double get(Input in) throws EvalException;
  }

  /** Reads a date. */
  interface DateGetter {
    LocalDate get(Input in);
  }

  /** One known name. Exactly one getter matches the type. */
  record Def(String name, Type type, TextGetter text, NumberGetter number, DateGetter date) {}

  private static final Map<String, Def> KNOWN = new LinkedHashMap<>();

  private static void text(String name, Function<Declaration, String> f) {
    KNOWN.put(name, new Def(name, Type.TEXT, in -> f.apply(in.declaration()), null, null));
  }

  private static void number(String name, NumberGetter g) {
    KNOWN.put(name, new Def(name, Type.NUMBER, null, g, null));
  }

  static {
    text("id", Declaration::id);
    text("office", Declaration::officeId);
    text("process_type", Declaration::processType);
    text("import_type", Declaration::importType);
    text("import_use", Declaration::importUse);
    text("payment_type", Declaration::paymentType);
    text("transport_mode", Declaration::transportMode);
    text("declarant", Declaration::declarantId);
    text("importer", Declaration::importerId);
    text("seller", Declaration::sellerId);
    text("courier", Declaration::courierId);
    text("hs", Declaration::hsCode);
    text("hs2", d -> d.hsCode().substring(0, 2));
    text("hs4", d -> d.hsCode().substring(0, 4));
    text("hs6", Declaration::hs6);
    text("departure", Declaration::departureCountry);
    text("origin", Declaration::originCountry);
    text("tax_type", Declaration::taxType);
    text("origin_indicator", Declaration::originIndicator);
    text("description", Declaration::description);
    number("tax_rate", in -> in.declaration().taxRate());
    number("net_mass", in -> in.declaration().netMass());
    number("item_price", in -> in.declaration().itemPrice());
    number("unit_price", in -> {
      Declaration d = in.declaration();
      if (!(d.netMass() > 0)) {
        throw new EvalException("eval.unitPrice", String.valueOf(d.netMass()));
      }
      return d.itemPrice() / d.netMass();
    });
    number("tax_at_stake", in -> in.declaration().taxAtStake());
    number("score", in -> {
      // NaN means "no model score here" (e.g. a backtest without a model): undecidable, not false.
      if (Double.isNaN(in.score())) {
        throw new EvalException("eval.noScore");
      }
      return in.score();
    });
    KNOWN.put("date", new Def("date", Type.DATE, null, null, in -> in.declaration().date()));
  }

  /**
   * The risk pipeline's feature names: a feature whose name is not a field's is a number rules
   * test by its bare name ({@code log_unit_value}); the names do not depend on the data.
   */
  private static final java.util.Set<String> FEATURES =
      java.util.Set.copyOf(org.riskgate.risk.features.FeaturePipeline.fit(java.util.List.of()).names());

  /** The prefix that reaches a feature whose bare name is a declaration field ({@code feature.office}). */
  static final String FEATURE = "feature.";

  /** The definition of a bare name, if the language knows it: a declaration field, or a feature. */
  static Optional<Def> lookup(String name) {
    Def field = KNOWN.get(name);
    if (field != null) {
      return Optional.of(field);
    }
    return FEATURES.contains(name) ? Optional.of(attribute(name)) : Optional.empty();
  }

  /** Whether a dotted name is {@code feature.X} for a feature {@code X}, or no feature at all. */
  static boolean isFeatureOrAttribute(String name) {
    return !name.startsWith(FEATURE) || FEATURES.contains(name.substring(FEATURE.length()));
  }

  /** Every feature name, for the reference. */
  static java.util.Set<String> features() {
    return FEATURES;
  }

  /** An attribute the caller passes in the attribute map, e.g. {@code importer.hit_rate}. */
  static Def attribute(String name) {
    return new Def(name, Type.NUMBER, null, in -> {
      Double v = in.attributes().get(name);
      if (v == null) {
        throw new EvalException(FEATURES.contains(name) || name.startsWith(FEATURE) ? "eval.noFeature"
            : "eval.noAttribute", name);
      }
      if (v.isNaN()) {
        throw new EvalException("eval.notNumber", name);
      }
      return v;
    }, null);
  }

  /** Every bare name, for error messages and the reference. */
  static String knownNames() {
    return String.join(", ", KNOWN.keySet());
  }
}
