package org.wirewatch.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaCatalog;
import org.wirewatch.serde.SchemaMetadata;
import org.wirewatch.serde.SchemaRegistryException;

/**
 * Keeps the registry's state in a single-partition compacted topic, so schema ids survive restarts.
 *
 * <p>A reader thread applies every record of the topic to the {@link SchemaCatalog}; on start the store reads
 * the topic to its end before it reports ready. A write (a new schema version or a compatibility level) is
 * produced to the topic and becomes visible only once the reader has applied it, so what the API answers is
 * always what is stored. Writes are serialised, and each waits until the previous one is applied before the
 * next id is chosen: ids and versions are assigned deterministically by this single writer. Two registry
 * instances writing to one topic are not supported (the store logs an error when it reads an id that another
 * writer gave to a different schema).
 */
final class KafkaSchemaStore implements SchemaWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final String topic;
    private final TopicPartition partition;
    private final Map<String, Object> kafkaConfig;
    private final SchemaCatalog catalog;
    private final Duration timeout;
    private final Object writeLock = new Object();
    private final Object progress = new Object();

    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread reader;
    private volatile boolean running;
    private volatile Throwable failure;
    private long position;
    private Future<RecordMetadata> lastWrite;

    /**
     * @param kafkaConfig client settings ({@code bootstrap.servers} and any security settings)
     * @param timeout how long a write may take to be stored and read back
     */
    KafkaSchemaStore(String topic, Map<String, Object> kafkaConfig, SchemaCatalog catalog, Duration timeout) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.catalog = catalog;
        this.timeout = timeout;
    }

    /** Creates the topic if needed, then reads it to its end. */
    void start(Duration startTimeout) throws Exception {
        long end;
        Admin admin = Admin.create(kafkaConfig);
        try {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            ensureTopic(admin, startTimeout);
            end = endOffset(admin, deadline);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + kafkaConfig.get("bootstrap.servers") + " did not answer" + " within "
                            + startTimeout.toSeconds() + " s while preparing schema store topic " + topic,
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot prepare schema store topic " + topic + " on Kafka at "
                            + kafkaConfig.get("bootstrap.servers") + ": " + e.getCause(),
                    e.getCause());
        } finally {
            // Every call has been answered or given up on; unbounded, closing would wait out calls still pending
            // against an unreachable cluster.
            admin.close(Duration.ZERO);
        }
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-registry-writer");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());

        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-registry-reader");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));

        running = true;
        reader = new Thread(this::readLoop, "schema-registry-store-reader");
        reader.setDaemon(true);
        reader.start();
        awaitPosition(end, startTimeout, "reading " + topic + " to its end (offset " + end + ")");
        LOG.info(
                "Schema store {} read to offset {}: {} subjects",
                topic,
                end,
                catalog.subjects().size());
    }

    /** The end of the topic, retried while a topic just created is not yet known to every broker. */
    private long endOffset(Admin admin, long deadline) throws Exception {
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                return admin.listOffsets(
                                Map.of(partition, OffsetSpec.latest()),
                                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .partitionResult(partition)
                        .get(left, TimeUnit.MILLISECONDS)
                        .offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.debug(
                        "End offset of {} not available yet: {}",
                        topic,
                        e.getCause().toString());
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private void ensureTopic(Admin admin, Duration startTimeout) throws Exception {
        long millis = startTimeout.toMillis();
        try {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(millis, TimeUnit.MILLISECONDS)
                    .get(topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Schema store topic " + topic + " has "
                        + description.partitions().size() + " partitions; it must have exactly 1 so that schemas"
                        + " are read in the order they were written");
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(millis, TimeUnit.MILLISECONDS)
                    .get(resource);
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
                    || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                LOG.warn(
                        "Schema store topic {} has cleanup.policy={}; it should be compact only, or old schemas"
                                + " (and their ids) will be deleted by retention",
                        topic,
                        policy);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(millis, TimeUnit.MILLISECONDS);
                LOG.info("Created schema store topic {} (1 partition, compacted)", topic);
            } catch (ExecutionException created) {
                if (!(created.getCause() instanceof TopicExistsException)) {
                    throw created;
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                long next = consumer.position(partition);
                synchronized (progress) {
                    position = next;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private void fail(Throwable e) {
        LOG.error(
                "Schema store reader of {} stopped at offset {}: the registry can no longer answer",
                topic,
                position,
                e);
        failure = e;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        StoreRecords.Entry entry;
        try {
            entry = StoreRecords.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipping unreadable record at {}-{} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        if (entry instanceof StoreRecords.SchemaEntry schema) {
            SchemaMetadata metadata = schema.metadata();
            Optional<Schema> existing = catalog.byId(metadata.id());
            if (existing.isPresent()
                    && !SchemaCatalog.canonical(existing.get()).equals(SchemaCatalog.canonical(metadata.schema()))) {
                LOG.error(
                        "Record at {}-{} offset {} gives id {} to a different schema than an earlier record;"
                                + " more than one registry is writing to {}. Keeping the first.",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        metadata.id(),
                        topic);
            }
            catalog.put(metadata);
        } else if (entry instanceof StoreRecords.ConfigEntry config) {
            catalog.setCompatibility(config.subject(), config.level());
        } else if (entry instanceof StoreRecords.Ignored ignored) {
            LOG.debug(
                    "Ignoring record at {}-{} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    ignored.reason());
        }
    }

    @Override
    public SchemaMetadata register(String subject, Schema schema) {
        synchronized (writeLock) {
            settlePreviousWrite();
            SchemaCatalog.Registration registration = catalog.prepare(subject, schema);
            if (!registration.isNew()) {
                return registration.metadata();
            }
            SchemaMetadata metadata = registration.metadata();
            write(
                    StoreRecords.schemaKey(subject, metadata.version()),
                    StoreRecords.schemaValue(metadata),
                    "registering version " + metadata.version() + " of subject '" + subject + "'");
            LOG.info(
                    "Registered schema id {} as version {} of subject '{}'",
                    metadata.id(),
                    metadata.version(),
                    subject);
            return catalog.find(subject, schema).orElse(metadata);
        }
    }

    @Override
    public void setCompatibility(String subject, Compatibility level) {
        synchronized (writeLock) {
            settlePreviousWrite();
            write(
                    StoreRecords.configKey(subject),
                    StoreRecords.configValue(level),
                    "setting compatibility " + level
                            + (subject == null ? " globally" : " of subject '" + subject + "'"));
        }
    }

    /**
     * Waits until the previous write is stored and applied, so the next id is chosen from a complete catalog
     * even when that write had timed out for its caller.
     */
    private void settlePreviousWrite() {
        if (lastWrite == null) {
            return;
        }
        awaitApplied(lastWrite, "completing the previous write");
        lastWrite = null;
    }

    private void write(byte[] key, byte[] value, String what) {
        checkHealthy();
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(new ProducerRecord<>(topic, 0, key, value));
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(
                    "Store error while " + what + " in " + topic + ": " + e, 500, SchemaRegistryException.STORE_ERROR);
        }
        lastWrite = sent;
        awaitApplied(sent, what);
        lastWrite = null;
    }

    private void awaitApplied(Future<RecordMetadata> sent, String what) {
        RecordMetadata metadata;
        try {
            metadata = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SchemaRegistryException(
                    "Timed out after " + timeout.toMillis() + " ms " + what + " in " + topic,
                    500,
                    SchemaRegistryException.OPERATION_TIMEOUT);
        } catch (ExecutionException e) {
            // A failed send wrote nothing: the next write may go ahead.
            lastWrite = null;
            throw new SchemaRegistryException(
                    "Store error while " + what + " in " + topic + ": " + e.getCause(),
                    500,
                    SchemaRegistryException.STORE_ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while " + what, 500, SchemaRegistryException.STORE_ERROR);
        }
        awaitPosition(metadata.offset() + 1, timeout, what);
    }

    private void awaitPosition(long target, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (progress) {
            while (position < target) {
                checkHealthy();
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new SchemaRegistryException(
                            "Timed out after " + limit.toMillis() + " ms " + what + " in " + topic
                                    + " (read up to offset " + position + ", waiting for " + target + ")",
                            500,
                            SchemaRegistryException.OPERATION_TIMEOUT);
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(
                            "Interrupted while " + what, 500, SchemaRegistryException.STORE_ERROR);
                }
            }
        }
    }

    private void checkHealthy() {
        Throwable failed = failure;
        if (failed != null) {
            throw new SchemaRegistryException(
                    "The schema store reader of " + topic + " has failed: " + failed,
                    500,
                    SchemaRegistryException.STORE_ERROR);
        }
    }

    /** True while the reader thread is following the topic. */
    boolean healthy() {
        return running && failure == null && reader != null && reader.isAlive();
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
