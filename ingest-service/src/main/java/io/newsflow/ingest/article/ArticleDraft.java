package io.newsflow.ingest.article;

/**
 * An article as a source hands it over, before normalisation: only {@code text} is required.
 * {@code publishedAt} is the source's own string; {@code where} says where it came from for
 * error messages ("seeds/a.jsonl:3", "POST /articles[2]").
 */
public record ArticleDraft(String source, String where, String id, String url, String title, String text,
    String publishedAt, String language) {}
