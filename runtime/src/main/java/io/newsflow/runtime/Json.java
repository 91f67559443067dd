package io.newsflow.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;

/** The one JSON setup every service and CLI uses: ISO-8601 instants, nulls kept. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static JsonMapper javalinMapper() {
    return new JavalinJackson(MAPPER, false);
  }
}
