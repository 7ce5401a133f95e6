package org.wirewatch.streams;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.wirewatch.common.Topics;

/** TopologyTestDriver set-up shared by the topology tests: a fixed clock and a fresh mock registry scope. */
public final class TestDrivers {

  private TestDrivers() {}

  /** Serdes against a registry scope of their own, so tests never see each other's schemas. */
  public static StreamSerdes serdes() {
    return StreamSerdes.forRegistry("mock://" + UUID.randomUUID(), Map.of());
  }

  public static TopologyTestDriver driver(final Topology topology) {
    final Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-" + UUID.randomUUID());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/kafka-streams-tests");
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return new TopologyTestDriver(topology, p, Instant.parse("2018-11-17T15:00:00Z"));
  }
}
