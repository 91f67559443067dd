package io.newsflow.enrich.stream;

import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/** A raw article plus what the extractor read from it is an enriched article. */
public final class ArticleEnricher {

  private ArticleEnricher() {}

  /** Extraction of a raw article: its text, dates resolved against the day it was published (UTC). */
  public static Function<RawArticle, Extraction> extractingWith(Extractor extractor) {
    return raw -> extractor.extract(raw.getText(), publicationDay(raw));
  }

  /** The day an article's relative dates ("on Monday") refer to: its publication, else its ingestion. */
  public static LocalDate publicationDay(RawArticle raw) {
    Instant at = raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getIngestedAt();
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  public static EnrichedArticle enrich(RawArticle raw, Extraction extraction, Instant now) {
    return new EnrichedArticle(raw.getId(), raw.getSource(), raw.getUrl(), raw.getTitle(), raw.getText(),
        raw.getLanguage(), raw.getPublishedAt(), raw.getIngestedAt(), raw.getContentHash(),
        extraction.actors(), extraction.casualties(), Extractor.VERSION, now);
  }
}
