package org.wirewatch.serde;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry that Wirewatch's serdes and tools use.
 *
 * <p>Implementations cache what cannot change: the schema behind an id, and the id of a schema already
 * registered under a subject. They are thread-safe. Failures are {@link SchemaRegistryException}s naming the
 * registry URL and the subject.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject} (a no-op returning the existing id when it is already
     * registered there) and returns its global id. Fails with error code 409 when the subject's compatibility
     * level rejects it.
     */
    int register(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    /** The latest version registered under {@code subject}. */
    SchemaMetadata latest(String subject);

    /** One version of {@code subject}. */
    SchemaMetadata version(String subject, int version);

    /** All versions of {@code subject}, ascending. */
    List<Integer> versions(String subject);

    /** The id and version of {@code schema} under {@code subject}, or empty when it is not registered there. */
    Optional<SchemaMetadata> lookup(String subject, Schema schema);

    /**
     * Whether {@code schema} may be registered under {@code subject} according to the subject's compatibility
     * level (true for a subject with no versions yet).
     */
    boolean testCompatibility(String subject, Schema schema);

    /** Every subject with at least one version, sorted. */
    List<String> subjects();

    /** The registry this client talks to, for messages. */
    String url();

    @Override
    default void close() {}
}
