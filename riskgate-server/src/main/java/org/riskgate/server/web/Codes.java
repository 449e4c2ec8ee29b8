package org.riskgate.server.web;

import java.util.List;
import java.util.Optional;
import org.riskgate.core.Declaration;

/**
 * The coded fields of a declaration with their names and, where the message bundles know the
 * value (keys {@code code.FIELD.VALUE}), its meaning; a value they do not know is shown as the
 * bare code rather than guessed.
 */
public final class Codes {
  private Codes() {}

  /**
   * One coded field.
   *
   * @param field the message key of the field's name
   * @param meaning the message key of the value's meaning, when the bundle has one
   */
  public record Code(String field, String code, Optional<String> meaning) {}

  static List<Code> of(Declaration d, Messages m) {
    return List.of(code("processType", d.processType(), m), code("importType", d.importType(), m),
        code("importUse", d.importUse(), m), code("paymentType", d.paymentType(), m),
        code("transportMode", d.transportMode(), m), code("taxType", d.taxType(), m),
        code("originIndicator", d.originIndicator(), m));
  }

  private static Code code(String field, String value, Messages m) {
    String key = "code." + field + "." + value;
    return new Code("field." + field, value, m.has(key) ? Optional.of(key) : Optional.empty());
  }
}
