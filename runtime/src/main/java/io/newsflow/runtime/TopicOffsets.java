package io.newsflow.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The end offset of every partition of some topics, as their leaders answer it. */
public final class TopicOffsets {

  private TopicOffsets() {}

  public static Map<TopicPartition, Long> latest(Admin admin, Collection<String> topics, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(topics).allTopicNames()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
    return admin.listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
