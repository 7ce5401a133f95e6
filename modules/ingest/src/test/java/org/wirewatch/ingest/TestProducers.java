package org.wirewatch.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wirewatch.common.Topics;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerde;
import org.wirewatch.serde.AvroSerdes;

/** An IngestProducer over Kafka's MockProducer with a private mock registry, and decoding of what it sent. */
final class TestProducers {

    final MockProducer<String, byte[]> mock;
    final IngestProducer producer;
    final AvroSerde<WireReport> reports;
    final AvroSerde<RejectedReport> rejections;

    TestProducers(boolean autoComplete) {
        String registry = "mock://ingest-" + UUID.randomUUID();
        mock = new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
        reports = AvroSerdes.value(WireReport.class, registry);
        rejections = AvroSerdes.value(RejectedReport.class, registry);
        producer = new IngestProducer(mock, reports.serializer(), rejections.serializer(), Duration.ofSeconds(5));
    }

    ReportIngestor ingestor(int maxBytes) {
        return new ReportIngestor(new ReportParser(maxBytes), producer, Clock.systemUTC());
    }

    List<ProducerRecord<String, byte[]>> sent(String topic) {
        return mock.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    List<WireReport> sentReports() {
        return sent(Topics.RAW_REPORTS).stream()
                .map(r -> reports.deserializer().deserialize(Topics.RAW_REPORTS, r.value()))
                .toList();
    }

    List<RejectedReport> sentRejections() {
        return sent(Topics.REJECTED_REPORTS).stream()
                .map(r -> rejections.deserializer().deserialize(Topics.REJECTED_REPORTS, r.value()))
                .toList();
    }
}
