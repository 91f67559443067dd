package io.newsflow.ingest.article;

import io.newsflow.schema.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The articles a source already handed on, by id and content hash, so the same article twice is
 * sent once while a correction (same id, new hash) goes through. Keeps the most recent
 * {@code capacity} ids: a repeat beyond that is sent again, which is harmless (ids are stable).
 */
public final class SeenArticles {

  private final Map<String, String> hashById;

  public SeenArticles(int capacity) {
    this.hashById = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  public boolean contains(RawArticle article) {
    return contains(article.getId(), article.getContentHash());
  }

  public void add(RawArticle article) {
    add(article.getId(), article.getContentHash());
  }

  public synchronized boolean contains(String id, String contentHash) {
    return contentHash.equals(hashById.get(id));
  }

  public synchronized void add(String id, String contentHash) {
    hashById.put(id, contentHash);
  }
}
