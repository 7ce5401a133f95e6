package org.wirewatch.sink.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Incident;

/**
 * The current incidents read straight from {@value Topics#INCIDENTS} (latest value per key, tombstones removed), for
 * an export while another process holds the embedded store. Reads to the end offsets seen at the start, without a
 * consumer group.
 */
public final class TopicIncidents {

    private TopicIncidents() {}

    public static List<Incident> read(
            final Map<String, Object> clientProps, final Deserializer<Incident> values, final Duration timeout) {
        final Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final Map<String, Incident> state = new HashMap<>();
        try (KafkaConsumer<String, Incident> c = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            final List<TopicPartition> tps = c.partitionsFor(Topics.INCIDENTS, timeout).stream()
                    .map(i -> new TopicPartition(Topics.INCIDENTS, i.partition()))
                    .toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            final Map<TopicPartition, Long> end = c.endOffsets(tps, timeout);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + Topics.INCIDENTS + " to its end within " + timeout);
                }
                for (final ConsumerRecord<String, Incident> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        state.remove(r.key());
                    } else {
                        state.put(r.key(), r.value());
                    }
                }
            }
        }
        return new ArrayList<>(state.values());
    }
}
