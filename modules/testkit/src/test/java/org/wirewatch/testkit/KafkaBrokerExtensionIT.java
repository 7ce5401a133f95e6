package org.wirewatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;

@WithKafka(topics = KafkaBrokerExtensionIT.DECLARED_TOPIC, catalogue = true)
class KafkaBrokerExtensionIT {

    static final String DECLARED_TOPIC = "testkit.declared.v1";

    static KafkaBroker classBroker;
    static Object beforeAllBroker;

    KafkaBroker kafka;

    @BeforeAll
    static void rememberBroker(KafkaBroker broker) {
        beforeAllBroker = broker;
    }

    @Test
    void shouldInjectOneBrokerIntoFieldsAndParametersWhenTheClassIsAnnotated(KafkaBroker parameter) {
        assertThat(kafka).isNotNull();
        assertThat(parameter).isSameAs(kafka).isSameAs(classBroker).isSameAs(beforeAllBroker);
        assertThat(kafka.kind()).isEqualTo(BrokerKind.fromSystemProperty());
        assertThat(kafka.bootstrapServers()).matches(".+:\\d+");
    }

    @Test
    void shouldCreateTheDeclaredAndCatalogueTopicsWhenTheClassStarts() throws Exception {
        assertThat(kafka.admin().listTopics().names().get())
                .contains(DECLARED_TOPIC, Topics.RAW_REPORTS, Topics.TALLIES, Topics.DEAD_LETTERS);
    }

    @Test
    void shouldLeaveExistingTopicsAloneWhenCreatedTwice() throws Exception {
        String topic = kafka.uniqueName("testkit.twice");
        kafka.createTopic(topic, 3);
        kafka.createTopics(new NewTopic(topic, 1, (short) 1));
        assertThat(kafka.admin()
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions())
                .hasSize(3);
    }

    @Test
    void shouldReadWhatWasProducedWhenUsingThePlainClients() {
        // given
        String topic = kafka.uniqueName("testkit.plain");
        kafka.createTopics(topic);

        // when
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(null))) {
            producer.send(new ProducerRecord<>(topic, "k1", "v1"));
            producer.send(new ProducerRecord<>(topic, "k2", "v2"));
        }

        // then
        assertThat(readCommitted(topic, 2)).containsExactly("v1", "v2");
    }

    @Test
    void shouldExposeOnlyCommittedRecordsWhenAProducerUsesTransactions() {
        // given
        String topic = kafka.uniqueName("testkit.tx");
        kafka.createTopics(topic);

        // when one transaction commits, one aborts, one commits
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka.uniqueName("tx")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "one"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "never"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "two"));
            producer.commitTransaction();
        }

        // then
        assertThat(readCommitted(topic, 2)).containsExactly("one", "two");
    }

    @Nested
    class WhenNested {

        KafkaBroker nestedKafka;

        @Test
        void shouldShareTheEnclosingClassBrokerWhenNested() {
            assertThat(nestedKafka).isSameAs(classBroker);
        }
    }

    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> conf = new HashMap<>(kafka.clientConfig());
        conf.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        conf.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        if (transactionalId != null) {
            conf.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return conf;
    }

    private List<String> readCommitted(String topic, int expected) {
        Map<String, Object> conf = new HashMap<>(kafka.clientConfig());
        conf.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName("group"));
        conf.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        conf.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        conf.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        conf.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(conf)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
