package org.wirewatch.feed;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.testkit.KafkaBroker;

/** A started feed on its own topics of the test broker, and a producer that writes records the way Streams does. */
final class FeedFixture implements AutoCloseable {

    final FeedTopics topics;
    final FeedStage feed;
    private final String registryUrl;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<Class<?>, Serializer<SpecificRecord>> serializers = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    FeedFixture(final KafkaBroker kafka, final FeedConfig config, final int partitions) {
        this(kafka, config, partitions, b -> b);
    }

    /** A feed whose builder {@code wiring} completes (e.g. with tally stores). */
    FeedFixture(
            final KafkaBroker kafka,
            final FeedConfig config,
            final int partitions,
            final java.util.function.UnaryOperator<FeedStage.Builder> wiring) {
        final String suffix = "." + kafka.uniqueName("t");
        this.topics = FeedTopics.withSuffix(suffix);
        for (final FeedEventType t : FeedEventType.values()) {
            kafka.createTopic(topics.topic(t), partitions);
        }
        this.registryUrl = "mock://feed" + suffix;
        final Map<String, Object> p = new HashMap<>(kafka.clientConfig());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.feed = wiring.apply(FeedStage.builder()
                        .config(config)
                        .kafka(kafka.clientConfig())
                        .topics(topics)
                        .registry(registryUrl))
                .build();
        feed.start();
        await().atMost(Duration.ofSeconds(20)).until(feed::ready);
    }

    RecordMetadata send(final FeedEventType type, final String key, final SpecificRecord value) {
        try {
            return sendAsync(type, key, value, () -> {}).get();
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; {@code acked} runs once the broker has the record. */
    java.util.concurrent.Future<RecordMetadata> sendAsync(
            final FeedEventType type, final String key, final SpecificRecord value, final Runnable acked) {
        return sendAsync(type, key, value, new org.apache.kafka.common.header.internals.RecordHeaders(), acked);
    }

    /** As above, with record headers. */
    @SuppressWarnings("unchecked")
    java.util.concurrent.Future<RecordMetadata> sendAsync(
            final FeedEventType type,
            final String key,
            final SpecificRecord value,
            final org.apache.kafka.common.header.Headers headers,
            final Runnable acked) {
        final byte[] bytes;
        if (value == null) {
            bytes = null;
        } else {
            final Serializer<SpecificRecord> s =
                    serializers.computeIfAbsent(value.getClass(), c -> (Serializer<SpecificRecord>)
                            (Serializer<?>) AvroSerdes.value((Class<SpecificRecord>) c, registryUrl)
                                    .serializer());
            bytes = s.serialize(topics.topic(type), value);
        }
        return producer.send(new ProducerRecord<>(topics.topic(type), null, key, bytes, headers), (m, e) -> {
            if (e == null) {
                acked.run();
            }
        });
    }

    String url(final String path) {
        return "http://localhost:" + feed.port() + path;
    }

    /** GET with extra headers, name then value. */
    HttpResponse<String> get(final String path, final String... headers) throws Exception {
        final HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(final String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        feed.close();
        producer.close();
    }
}
