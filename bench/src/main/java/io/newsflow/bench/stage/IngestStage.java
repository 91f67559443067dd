package io.newsflow.bench.stage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.article.ArticleDraft;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.publish.IngestMetrics;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.schema.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * ingest-service's producer path, timed from the first article to the last acknowledgement:
 * normalise, identify, serialise and publish every article of the corpus.
 */
public final class IngestStage {

  private IngestStage() {}

  /** {articles/s, MB/s of article text}, publishing the corpus {@code passes} times. */
  public static double[] run(Properties kafka, String topic, List<RawArticle> corpus, long textBytes, int passes) throws Exception {
    ArticleFactory factory = new ArticleFactory(1 << 20, Clock.systemUTC());
    try (RawArticlePublisher publisher = new RawArticlePublisher(kafka, topic, new IngestMetrics(new SimpleMeterRegistry()))) {
      List<CompletableFuture<?>> acks = new ArrayList<>(corpus.size() * passes);
      long start = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        for (RawArticle a : corpus) {
          ArticleDraft draft = new ArticleDraft("bench", a.getId(), a.getId(), null, a.getTitle(), a.getText(),
              a.getPublishedAt().toString(), a.getLanguage());
          acks.add(publisher.send(factory.create(draft)));
        }
      }
      publisher.flush();
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new double[] {corpus.size() * passes / seconds, textBytes * passes / 1e6 / seconds};
    }
  }
}
