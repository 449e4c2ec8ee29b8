package org.riskgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapper of the server: ISO dates, Optional as value-or-null, unknown fields and repeated keys refused. */
public final class Json {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new Jdk8Module())
      // lanes and case statuses go out as they come in: lower case ("red", not "RED")
      .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("riskgate-labels")
          .addSerializer(org.riskgate.selectivity.Lane.class, label(org.riskgate.selectivity.Lane::label))
          .addSerializer(org.riskgate.server.store.CaseStatus.class, label(org.riskgate.server.store.CaseStatus::label)))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // a repeated key is refused: with last-wins, a field a check has seen can be replaced by
      // a later copy that another reader sees first
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Json() {}

  private static <T> com.fasterxml.jackson.databind.JsonSerializer<T> label(java.util.function.Function<T, String> f) {
    return new com.fasterxml.jackson.databind.JsonSerializer<>() {
      @Override
      public void serialize(T value, com.fasterxml.jackson.core.JsonGenerator g,
          com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
        g.writeString(f.apply(value));
      }
    };
  }

  /** Writes a value as JSON; values of this server always serialise, so failure is a bug. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }
}
