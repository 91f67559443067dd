package io.newsflow.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw {@code POST /articles} requests for tests: any bytes, any or no content type and token. */
final class ArticlesRequests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ArticlesRequests() {}

  static HttpResponse<String> post(String url, String type, String auth, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
