package io.newsflow.runtime;

/** A setting is missing or malformed: the message names the setting and where its value came from. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
