package io.newsflow.ingest.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Publication dates in the forms feeds and newsrooms use: ISO-8601 and RFC 1123/822. */
public final class PublishedAtParser {

  private static final List<DateTimeFormatter> ZONED = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("EEE, d MMM yy HH:mm[:ss] Z", Locale.ENGLISH));

  private PublishedAtParser() {}

  /** The instant, or a {@link DateTimeParseException} when no known form fits. */
  public static Instant parse(String value) {
    String s = value.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    for (DateTimeFormatter format : ZONED) {
      try {
        return ZonedDateTime.parse(s, format).toInstant();
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    throw new DateTimeParseException("not an ISO-8601 or RFC 1123/822 date", s, 0);
  }
}
