package io.newsflow.runtime;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of a consumer that reads what transactions committed and nothing else, and leaves no
 * trace: it is assigned partitions (no group) and commits no offsets. newsflow's readers of its
 * own topics (tail, the dashboard's evidence view) are such consumers.
 */
public final class CommittedReader {

  private CommittedReader() {}

  public static Properties props(Properties kafka, String clientId) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
