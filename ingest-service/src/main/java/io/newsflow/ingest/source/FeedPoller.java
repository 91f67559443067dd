package io.newsflow.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.schema.RawArticle;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one RSS or Atom feed with conditional GET (ETag, Last-Modified) and publishes each new
 * item once, parsed by ROME. A poll's new items count as seen only after Kafka acknowledged all
 * of them, so a failed publish is retried on the next poll; after a restart items may be sent again, which
 * is harmless: their ids are stable.
 */
public final class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  private static final int REMEMBERED_ITEMS = 10_000;

  private final URI feed;
  private final HttpClient http;
  private final ArticleFactory factory;
  private final RawArticlePublisher publisher;
  private final IngestMetrics metrics;
  private final Duration ackTimeout;
  private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_ITEMS;
    }
  });
  private String etag;
  private String lastModified;

  public FeedPoller(URI feed, HttpClient http, ArticleFactory factory, RawArticlePublisher publisher,
      IngestMetrics metrics, Duration ackTimeout) {
    this.feed = feed;
    this.http = http;
    this.factory = factory;
    this.publisher = publisher;
    this.metrics = metrics;
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
      List<RawArticle> fresh = new ArrayList<>();
      List<String> freshKeys = new ArrayList<>();
      for (SyndEntry entry : parsed.getEntries()) {
        String key = entry.getUri() != null ? entry.getUri() : entry.getLink();
        if (key == null || seen.contains(key)) {
          continue;
        }
        try {
          fresh.add(factory.create(draft(entry)));
          freshKeys.add(key);
        } catch (RejectedArticleException e) {
          metrics.rejected(e.rejection().reason());
          seen.add(key); // the same bad item would be rejected again
          log.warn("feed item rejected: {}", e.getMessage());
        }
      }
      // One round trip for the poll's new items; if Kafka does not take them all, none counts
      // as seen and the next poll sends them again (their ids are stable).
      publisher.sendAll(fresh, ackTimeout);
      seen.addAll(freshKeys);
      int published = fresh.size();
      etag = response.headers().firstValue("ETag").orElse(null);
      lastModified = response.headers().firstValue("Last-Modified").orElse(null);
      return published;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      log.warn("polling feed {} failed: {}", feed, e.toString());
      return 0;
    }
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
