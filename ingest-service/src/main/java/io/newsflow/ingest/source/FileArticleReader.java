package io.newsflow.ingest.source;

import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.RejectReason;
import io.newsflow.ingest.article.RejectedArticleException;
import io.newsflow.ingest.article.Rejection;
import io.newsflow.ingest.article.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads one file into articles: {@code .txt}/{@code .md} (the first line is the title when it
 * looks like one), {@code .html} (text and title through jsoup, no scripts, styles or markup),
 * {@code .json} (one article object) and {@code .jsonl} (one per line, errors by line number).
 * Binary files and invalid UTF-8 are rejected whole, never half-read.
 */
public final class FileArticleReader {

  public static final Set<String> EXTENSIONS = Set.of("txt", "md", "html", "htm", "json", "jsonl");

  private final JsonArticleReader json;

  public FileArticleReader(boolean strict) {
    this.json = new JsonArticleReader(strict);
  }

  /** The lower-case file name extension, without the dot. */
  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public void read(Path file, ArticleSink sink) {
    String where = file.toString();
    try {
      String ext = extension(file);
      if (!EXTENSIONS.contains(ext)) {
        throw new RejectedArticleException(RejectReason.UNSUPPORTED_FILE, where,
            "not an article format (use .txt, .md, .html, .json or .jsonl)");
      }
      String content = decode(Files.readAllBytes(file), where);
      String source = "file";
      switch (ext) {
        case "txt", "md" -> sink.article(plainText(content, source, where, ext.equals("md")));
        case "html", "htm" -> sink.article(html(content, source, where));
        case "json" -> sink.article(json.read(json.parse(content, where), source, where));
        default -> jsonLines(content, source, where, sink);
      }
    } catch (RejectedArticleException e) {
      sink.rejected(e.rejection());
    } catch (IOException e) {
      sink.rejected(new Rejection(RejectReason.UNSUPPORTED_FILE, where, "cannot read: " + e.getMessage()));
    }
  }

  private void jsonLines(String content, String source, String file, ArticleSink sink) {
    String[] lines = content.split("\n", -1);
    if (content.isBlank()) {
      sink.rejected(new Rejection(RejectReason.EMPTY_TEXT, file, "no article in the file (it is empty or blank)"));
      return;
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      try {
        sink.article(json.read(json.parse(lines[i], where), source, where));
      } catch (RejectedArticleException e) {
        sink.rejected(e.rejection());
      }
    }
  }

  /** Strict UTF-8: a file that is not text says where it stops being text. */
  static String decode(byte[] bytes, String where) throws RejectedArticleException {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw new RejectedArticleException(RejectReason.BINARY, where, "binary file (NUL byte at offset " + i + "), not text");
      }
    }
    return Utf8Text.decode(bytes, where);
  }

  private static ArticleDraft plainText(String content, String source, String where, boolean markdown) {
    String body = content.strip();
    String title = null;
    int newline = body.indexOf('\n');
    if (newline > 0) {
      String first = body.substring(0, newline).strip();
      if (markdown) {
        first = first.replaceFirst("^#+\\s*", "");
      }
      if (looksLikeTitle(first)) {
        title = first;
        body = body.substring(newline + 1).strip();
      }
    }
    return new ArticleDraft(source, where, null, null, title, body, null, null);
  }

  /** Short, and not a sentence: "North Korean troops in Kursk", not "Fighting went on." */
  static boolean looksLikeTitle(String line) {
    return !line.isEmpty() && line.length() <= 150 && !line.endsWith(".") && !line.endsWith(",") && !line.endsWith(";");
  }

  private static ArticleDraft html(String content, String source, String where) {
    Document doc = Jsoup.parse(content);
    doc.select("script, style, noscript, template, nav, header, footer, aside").remove();
    String title = doc.title().isBlank() ? null : doc.title();
    StringBuilder text = new StringBuilder();
    doc.body().select("p, h1, h2, h3, li, blockquote, pre").forEach(el -> {
      if (el.parents().stream().noneMatch(p -> p.nameIs("p") || p.nameIs("li") || p.nameIs("blockquote"))) {
        text.append(el.text()).append('\n');
      }
    });
    String body = text.length() > 0 ? text.toString() : doc.body().text();
    return new ArticleDraft(source, where, null, null, title, body, null, null);
  }
}
