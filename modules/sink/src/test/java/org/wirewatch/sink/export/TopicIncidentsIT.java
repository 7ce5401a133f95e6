package org.wirewatch.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.sink.Fixtures;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

@WithKafka(catalogue = true)
class TopicIncidentsIT {

    private static final String REGISTRY = "mock://topic-incidents-it";

    KafkaBroker kafka;

    @Test
    void shouldReadTheLatestIncidentPerKeyWithoutRetractedOnesWhenExportingFromTheTopic() throws Exception {
        // given
        try (KafkaProducer<String, Incident> p = new KafkaProducer<>(
                kafka.clientConfig(),
                new StringSerializer(),
                AvroSerdes.value(Incident.class, REGISTRY).serializer())) {
            p.send(new ProducerRecord<>(Topics.INCIDENTS, "a", Fixtures.incident("a", 10)));
            p.send(new ProducerRecord<>(Topics.INCIDENTS, "b", Fixtures.incident("b", 3)));
            p.send(new ProducerRecord<>(Topics.INCIDENTS, "a", Fixtures.incident("a", 43)));
            p.send(new ProducerRecord<>(Topics.INCIDENTS, "b", null));
            p.send(new ProducerRecord<>(Topics.INCIDENTS, "c", Fixtures.incident("c", 1)))
                    .get();
        }

        // when
        final List<Incident> incidents = TopicIncidents.read(
                kafka.clientConfig(),
                AvroSerdes.value(Incident.class, REGISTRY).deserializer(),
                Duration.ofSeconds(30));

        // then
        assertThat(incidents)
                .extracting(Incident::getIncidentId, i -> i.getKilled().getBest())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a", 43), org.assertj.core.groups.Tuple.tuple("c", 1));
    }
}
