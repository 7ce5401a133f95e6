package org.wirewatch.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;

/**
 * Creates the topics of the catalogue ({@link Topics#catalogue()}) that do not exist yet, with their partition
 * count, cleanup policy and retention. Existing topics are never altered: a partition count that differs from the
 * catalogue is logged, since changing it would move keys between partitions.
 *
 * <p>Replication is the cluster's ({@code default.replication.factor}, {@code min.insync.replicas}) unless a
 * {@link Replication} says otherwise, so the same call is right for the embedded single node and, given
 * {@code new Replication(3, 2)}, for a production cluster whose broker defaults are Kafka's (one replica). An
 * existing topic with another replication factor is logged and left alone.
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 30;

    /** What a run did: the topics it created and the ones that were already there. */
    public record Result(List<String> created, List<String> existing) {
        public Result {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
        }
    }

    /**
     * How the topics are replicated: {@code factor} copies of each partition, {@code minInsyncReplicas} of them in sync
     * for a write with {@code acks=all} to succeed; -1 leaves either to the broker's default.
     */
    public record Replication(int factor, int minInsyncReplicas) {
        /** Both from the broker's defaults. */
        public static final Replication BROKER_DEFAULTS = new Replication(-1, -1);

        public Replication {
            if (factor == 0 || factor < -1 || minInsyncReplicas == 0 || minInsyncReplicas < -1) {
                throw new IllegalArgumentException("replication factor and min.insync.replicas must be positive or -1,"
                        + " were " + factor + " and " + minInsyncReplicas);
            }
            if (factor > 0 && minInsyncReplicas > factor) {
                throw new IllegalArgumentException("min.insync.replicas " + minInsyncReplicas
                        + " exceeds the replication factor " + factor + ": no write with acks=all could succeed");
            }
        }
    }

    private TopicCreator() {}

    /** Creates the missing catalogue topics on the cluster at {@code bootstrapServers}, replicated as its brokers say. */
    public static Result createCatalogue(String bootstrapServers, Map<String, ?> clientProperties) {
        return createCatalogue(bootstrapServers, clientProperties, Replication.BROKER_DEFAULTS);
    }

    /** Creates the missing catalogue topics on the cluster at {@code bootstrapServers}, replicated as given. */
    public static Result createCatalogue(
            String bootstrapServers, Map<String, ?> clientProperties, Replication replication) {
        Map<String, Object> conf = new HashMap<>(clientProperties);
        conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(conf)) {
            return createMissing(admin, Topics.catalogue(), replication);
        }
    }

    /** Creates those of {@code specs} that do not exist, replicated as the brokers say. */
    public static Result createMissing(Admin admin, Collection<TopicSpec> specs) {
        return createMissing(admin, specs, Replication.BROKER_DEFAULTS);
    }

    /** Creates those of {@code specs} that do not exist; safe to call any number of times, also concurrently. */
    public static Result createMissing(Admin admin, Collection<TopicSpec> specs, Replication replication) {
        try {
            Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (present.contains(spec.name())) {
                    existing.add(spec.name());
                } else {
                    missing.add(newTopic(spec, replication));
                }
            }
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                Map<String, org.apache.kafka.common.KafkaFuture<Void>> futures =
                        admin.createTopics(missing).values();
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> f : futures.entrySet()) {
                    try {
                        f.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        created.add(f.getKey());
                    } catch (ExecutionException e) {
                        // Another instance created it between our listing and our request.
                        if (e.getCause() instanceof TopicExistsException) {
                            existing.add(f.getKey());
                        } else {
                            throw e;
                        }
                    }
                }
            }
            awaitTopics(admin, created);
            warnOnLayoutMismatch(admin, specs, existing, replication);
            warnOnPolicyMismatch(admin, specs, existing);
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
            LOG.debug("Topics already present: {}", existing);
            return new Result(created, existing);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot create the catalogue topics: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Waits until the broker serves metadata with a leader for every partition of these topics: the create call
     * returns when the controller has the topic, a moment before the brokers do.
     */
    public static void awaitTopics(Admin admin, Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                Map<String, TopicDescription> d =
                        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (d.values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Topics {} not ready yet: {}", topics, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + topics, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " not ready after " + TIMEOUT_SECONDS + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + topics, e);
            }
        }
    }

    /** The admin request for one catalogue entry. */
    static NewTopic newTopic(TopicSpec spec, Replication replication) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retentionMs()));
        if (replication.minInsyncReplicas() > 0) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replication.minInsyncReplicas()));
        }
        Optional<Short> factor =
                replication.factor() > 0 ? Optional.of((short) replication.factor()) : Optional.empty();
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), factor).configs(configs);
    }

    /**
     * Warns when an existing topic is cleaned up otherwise than the catalogue says: chiefly a raw reports topic
     * created before it became the compacted archive, which still deletes reports after its retention, so that a
     * reprocess would miss them. Left as it is, since that is the operator's decision ({@code docs/runbook.md},
     * "Migrating the raw topic to the archive"); the message gives the command.
     */
    private static void warnOnPolicyMismatch(Admin admin, Collection<TopicSpec> specs, List<String> existing)
            throws InterruptedException, TimeoutException {
        for (String problem : policyMismatches(admin, specs, existing)) {
            LOG.warn(problem);
        }
    }

    /** One sentence per existing topic whose cleanup policy differs from the catalogue's. */
    public static List<String> policyMismatches(Admin admin, Collection<TopicSpec> specs, Collection<String> existing)
            throws InterruptedException, TimeoutException {
        List<org.apache.kafka.common.config.ConfigResource> resources = specs.stream()
                .filter(s -> existing.contains(s.name()))
                .map(s -> new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, s.name()))
                .toList();
        if (resources.isEmpty()) {
            return List.of();
        }
        Map<org.apache.kafka.common.config.ConfigResource, org.apache.kafka.clients.admin.Config> configs;
        try {
            configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            LOG.debug(
                    "Cannot compare cleanup policies of {}: {}",
                    existing,
                    e.getCause().toString());
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (TopicSpec spec : specs) {
            org.apache.kafka.clients.admin.Config c = configs.get(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, spec.name()));
            org.apache.kafka.clients.admin.ConfigEntry policy =
                    c == null ? null : c.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy != null && !policy.value().equals(spec.cleanupPolicy())) {
                problems.add("Topic " + spec.name() + " has cleanup.policy=" + policy.value() + ", the catalogue says "
                        + spec.cleanupPolicy()
                        + (spec.name().equals(Topics.RAW_REPORTS)
                                ? ": reports past its retention are deleted and a reprocess cannot reach them. Left as it is;"
                                        + " to keep the archive: kafka-configs.sh --alter --entity-type topics --entity-name "
                                        + spec.name()
                                        + " --add-config cleanup.policy=compact (docs/runbook.md, migrating the raw"
                                        + " topic to the archive)"
                                : "; left as it is"));
            }
        }
        return problems;
    }

    private static void warnOnLayoutMismatch(
            Admin admin, Collection<TopicSpec> specs, List<String> existing, Replication replication)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (existing.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = admin.describeTopics(existing).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Only a consistency warning depends on this; a topic created a moment ago may not be described yet.
            LOG.debug(
                    "Cannot compare partition counts of {}: {}",
                    existing,
                    e.getCause().toString());
            return;
        }
        for (TopicSpec spec : specs) {
            TopicDescription d = descriptions.get(spec.name());
            if (d != null && d.partitions().size() != spec.partitions()) {
                LOG.warn(
                        "Topic {} has {} partitions, the catalogue says {}; left as it is",
                        spec.name(),
                        d.partitions().size(),
                        spec.partitions());
            }
            int replicas = d == null || d.partitions().isEmpty()
                    ? 0
                    : d.partitions().get(0).replicas().size();
            if (d != null && replication.factor() > 0 && replicas != replication.factor()) {
                LOG.warn(
                        "Topic {} has {} replicas, the configuration asks for {}; left as it is (kafka-reassign-partitions"
                                + " changes it)",
                        spec.name(),
                        replicas,
                        replication.factor());
            }
        }
    }
}
