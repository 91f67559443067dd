package io.newsflow.enrich.stream;

import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.Extractor;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import java.time.Instant;

/** A raw article plus what the extractor read from it is an enriched article. */
public final class ArticleEnricher {

  private ArticleEnricher() {}

  public static EnrichedArticle enrich(RawArticle raw, Extraction extraction, Instant now) {
    return new EnrichedArticle(raw.getId(), raw.getSource(), raw.getUrl(), raw.getTitle(), raw.getText(),
        raw.getLanguage(), raw.getPublishedAt(), raw.getIngestedAt(), raw.getContentHash(),
        extraction.actors(), extraction.casualties(), Extractor.VERSION, now);
  }
}
