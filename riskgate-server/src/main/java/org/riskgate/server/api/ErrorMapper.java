package org.riskgate.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.riskgate.documents.DocumentInputException;
import org.riskgate.server.Json;
import org.riskgate.server.NotFoundException;
import org.riskgate.server.auth.AuthException;
import org.riskgate.server.store.StoreException;
import org.riskgate.selectivity.rules.RulesException;

/**
 * The one place where exceptions become HTTP answers. Clients get a status and a message, never
 * a stack trace; an unexpected failure is logged with a reference the client is given.
 */
public final class ErrorMapper {
  // JDK platform logging: reaches stderr whatever SLF4J binding the distribution carries
  private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

  private ErrorMapper() {}

  /** The status and message an exception maps to. */
  public record Answer(int status, String message, Object details) {}

  /** Maps an exception; unknown ones become 500 with a logged reference. */
  public static Answer map(Exception e) {
    Answer upload = uploadProblem(e);
    if (upload != null) {
      return upload;
    }
    return switch (e) {
      case AuthException a -> new Answer(a.status(), a.getMessage(), null);
      case org.riskgate.server.RetryLater r -> new Answer(r.status(), r.getMessage(), null);
      case ApiException a -> new Answer(a.status(), a.getMessage(), a.details().isEmpty() ? null : a.details());
      case NotFoundException n -> new Answer(404, n.getMessage(), null);
      case org.riskgate.server.lab.DataLab.NoLake n -> new Answer(404, n.getMessage(), null);
      case DocumentInputException.TooLarge t -> new Answer(413, t.getMessage(), null);
      case DocumentInputException d -> new Answer(422, d.getMessage(), null);
      case RulesException r -> new Answer(400, "rules refused", r.getMessage());
      case JsonMappingException m -> new Answer(400, jsonProblem(m), null);
      case JsonProcessingException j -> new Answer(400, (String.valueOf(j.getOriginalMessage())
          .startsWith("Duplicate field") ? "duplicate field " + j.getOriginalMessage().substring(16)
          : "malformed JSON") + " at line " + (j.getLocation() == null ? "?" : j.getLocation().getLineNr()), null);
      case IllegalArgumentException i -> new Answer(400, i.getMessage(), null);
      case StoreException s when s.isDuplicateKey() -> new Answer(409, "already stored", null);
      case HttpResponseException h -> new Answer(h.getStatus(), h.getMessage(), null);
      default -> {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(System.Logger.Level.ERROR, "internal error, reference " + ref, e);
        yield new Answer(500, INTERNAL + ref + ")", null);
      }
    };
  }

  private static final String INTERNAL = "internal error (reference ";

  /** The reference an internal error's answer gives, the one its log entry carries. */
  public static java.util.Optional<String> reference(Answer a) {
    String m = a.message();
    return a.status() == 500 && m != null && m.startsWith(INTERNAL) && m.endsWith(")")
        ? java.util.Optional.of(m.substring(INTERNAL.length(), m.length() - 1)) : java.util.Optional.empty();
  }

  /**
   * Jetty reports a form upload over the limit, or a broken one, as a servlet exception around a
   * bad-message exception; the size case is a 413 like any other oversized body.
   */
  private static Answer uploadProblem(Exception e) {
    boolean badMessage = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException) {
        badMessage = true;
      }
      if (badMessage && t.getMessage() != null && t.getMessage().contains("size exceeded")) {
        return new Answer(413, "upload larger than the limit", null);
      }
    }
    return badMessage ? new Answer(400, "malformed form upload", null) : null;
  }

  /** Names the field at fault; a value refused by a record's own checks keeps that message. */
  private static String jsonProblem(JsonMappingException m) {
    String field = m.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> a + "." + b).orElse("(body)");
    if (m.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
      return iae.getMessage();
    }
    if (m instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      return "unknown field '" + field + "'";
    }
    return "field '" + field + "' is missing or has the wrong type or format";
  }

  /** Writes the answer: JSON under {@code /api}, a short HTML page elsewhere. */
  public static void handle(Exception e, Context ctx) {
    Answer a = map(e);
    ctx.status(a.status());
    if (ctx.path().startsWith("/api/")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", a.status());
      body.put("error", a.message());
      if (a.details() != null) {
        body.put("details", a.details());
      }
      ctx.contentType("application/json").result(Json.write(body));
    } else {
      ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>riskgate: " + a.status()
          + "</title><h1>" + a.status() + "</h1><p>" + escape(a.message()) + "</p><p><a href=\"/queue\">back to the queue</a></p>");
    }
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
