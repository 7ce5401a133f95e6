package org.wirewatch.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.wirewatch.embedded.TopicCreator;

/** What every broker handle shares: one lazily created admin client and idempotent topic creation. */
abstract class AbstractBroker implements KafkaBroker, AutoCloseable {

    private final AtomicInteger names = new AtomicInteger();
    private Admin admin;
    private boolean closed;

    @Override
    public synchronized Admin admin() {
        if (closed) {
            throw new IllegalStateException("The broker of this test class is closed");
        }
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    @Override
    public void createTopics(NewTopic... topics) {
        if (topics.length == 0) {
            return;
        }
        try {
            Set<String> existing = admin().listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin().createTopics(missing).all().get(30, TimeUnit.SECONDS);
                TopicCreator.awaitTopics(
                        admin(), missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                // another test of the class created the same topic in between: that is what we wanted
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot create topics "
                            + Arrays.stream(topics).map(NewTopic::name).toList() + " on " + bootstrapServers() + ": "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    @Override
    public String uniqueName(String base) {
        return base + "-" + names.incrementAndGet();
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (admin != null) {
                admin.close();
            }
        } finally {
            stop();
        }
    }

    /** Stops the broker itself. */
    protected abstract void stop();

    @Override
    public String toString() {
        return kind().name().toLowerCase(java.util.Locale.ROOT) + " broker at " + bootstrapServers();
    }
}
