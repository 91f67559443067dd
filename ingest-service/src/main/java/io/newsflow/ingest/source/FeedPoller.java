package io.newsflow.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.SeenArticles;
import io.newsflow.ingest.publish.ArticleIntake;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one RSS or Atom feed with conditional GET (ETag, Last-Modified), parsed by ROME, and hands
 * its items to the intake as one batch per poll: the intake sends each item once (an item whose
 * text changed goes again, as a correction) and counts an item as published only once Kafka
 * acknowledged the poll's items, so a failed publish is retried on the next poll; after a
 * restart items may be sent again, which is harmless: their ids are stable.
 */
public final class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  private static final int REMEMBERED_ITEMS = 10_000;
  private static final String REJECTED = "rejected";
  /** Rejected items by where they are (feed and entry key), so an item still in the feed is rejected and counted once. */
  private final SeenArticles rejected = new SeenArticles(REMEMBERED_ITEMS);

  private final URI feed;
  private final HttpClient http;
  private final ArticleIntake intake;
  private final Duration ackTimeout;
  private String etag;
  private String lastModified;

  public FeedPoller(URI feed, HttpClient http, ArticleIntake intake, Duration ackTimeout) {
    this.feed = feed;
    this.http = http;
    this.intake = intake;
    this.ackTimeout = ackTimeout;
  }

  /** One poll; returns how many new items were published. */
  public synchronized int poll() {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(Duration.ofSeconds(20)).GET();
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      if (lastModified != null) {
        request.header("If-Modified-Since", lastModified);
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 304) {
        return 0;
      }
      if (response.statusCode() != 200) {
        log.warn("feed {} answered HTTP {}", feed, response.statusCode());
        return 0;
      }
      SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
      // One round trip for the poll's items; if Kafka does not take them all, none counts as
      // published and the next poll sends them again (their ids are stable).
      ArticleIntake.Outcome outcome = intake.take(drafts(parsed), ArticleIntake.Batch.EACH, ackTimeout);
      for (ArticleIntake.Refused r : outcome.refused()) {
        rejected.add(r.draft().where(), REJECTED);
        log.warn("feed item rejected: {}", r.rejection());
      }
      if (!outcome.acknowledged()) {
        log.warn("feed {}: {}; its items go again at the next poll", feed, outcome.failure());
        return 0;
      }
      etag = response.headers().firstValue("ETag").orElse(null);
      lastModified = response.headers().firstValue("Last-Modified").orElse(null);
      return outcome.published();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      log.warn("polling feed {} failed: {}", feed, e.toString());
      return 0;
    }
  }

  /** The feed's items as drafts, but those rejected before (each bad item is rejected and counted once). */
  private List<ArticleDraft> drafts(SyndFeed parsed) {
    List<ArticleDraft> drafts = new ArrayList<>();
    for (SyndEntry entry : parsed.getEntries()) {
      if (entry.getUri() != null || entry.getLink() != null) {
        ArticleDraft draft = draft(entry);
        if (!rejected.contains(draft.where(), REJECTED)) {
          drafts.add(draft);
        }
      }
    }
    return drafts;
  }

  private ArticleDraft draft(SyndEntry entry) {
    StringBuilder html = new StringBuilder();
    for (SyndContent content : entry.getContents()) {
      html.append(content.getValue()).append('\n');
    }
    if (html.length() == 0 && entry.getDescription() != null) {
      html.append(entry.getDescription().getValue());
    }
    String text = Jsoup.parse(html.toString()).text();
    var date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    String id = entry.getUri() != null && !entry.getUri().equals(entry.getLink()) ? entry.getUri() : null;
    return new ArticleDraft("feed:" + feed, feed + "#" + (entry.getUri() != null ? entry.getUri() : entry.getLink()),
        id, entry.getLink(), entry.getTitle(), text, date == null ? null : date.toInstant().toString(), null);
  }

  public URI feed() {
    return feed;
  }
}
