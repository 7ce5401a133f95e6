package org.wirewatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.embedded.EmbeddedKafka;

/** The in-process KRaft broker, with its data in a fresh directory under {@code java.io.tmpdir}. */
final class EmbeddedBroker extends AbstractBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private static final AtomicBoolean EXIT_GUARD_INSTALLED = new AtomicBoolean();

    private final EmbeddedKafka kafka;

    private EmbeddedBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static EmbeddedBroker start(String owner) {
        keepTheTestJvmAlive();
        Path dir;
        try {
            dir = Files.createTempDirectory("kafka-" + owner + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for the embedded broker", e);
        }
        return new EmbeddedBroker(EmbeddedKafka.builder().dataDir(dir).port(0).start());
    }

    /**
     * A broker fault (for example a data directory deleted under a broker that is still running) makes Kafka exit
     * the JVM, which surefire reports as a crashed fork without the test that caused it. In tests, log it instead:
     * the test in question then fails with its own message.
     */
    private static void keepTheTestJvmAlive() {
        if (EXIT_GUARD_INSTALLED.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> LOG.error(
                    "Kafka asked to exit the JVM with status {}: {} (not exiting: tests report the failure)",
                    status,
                    message));
            Exit.setHaltProcedure((status, message) -> LOG.error(
                    "Kafka asked to halt the JVM with status {}: {} (not halting: tests report the failure)",
                    status,
                    message));
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.EMBEDDED;
    }

    @Override
    protected void stop() {
        kafka.close();
        deleteQuietly(kafka.dataDir());
        // the embedded broker's directory lock sits beside its directory
        Path lock = kafka.dataDir().resolveSibling(kafka.dataDir().getFileName() + ".lock");
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", lock, e.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // leftovers under target/ are harmless and go with the next clean
            LOG.debug("Could not delete {} completely: {}", dir, e.toString());
        }
    }
}
