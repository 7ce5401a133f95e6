package org.wirewatch.serde;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory schema registry for tests, selected by {@code schema.registry.url=mock://<scope>}.
 *
 * <p>Every serializer, deserializer and client configured with the same scope in one JVM shares one registry, so
 * a test's producer and consumer see the same ids; different scopes are isolated. Compatibility is enforced as in
 * a real registry (BACKWARD unless changed). Call {@link #drop(String)} to forget a scope.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    /** The URL scheme that selects a mock registry. */
    public static final String SCHEME = "mock://";

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final SchemaCatalog catalog = new SchemaCatalog(Compatibility.BACKWARD);

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of {@code scope}, created on first use. */
    public static MockSchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /** The registry for a {@code mock://scope} URL. */
    public static MockSchemaRegistry forUrl(String url) {
        if (!url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Not a mock registry URL: " + url);
        }
        return scope(url.substring(SCHEME.length()));
    }

    /** Forgets everything registered in {@code scope}. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    /** Sets the compatibility level of a subject, or the global one when {@code subject} is null. */
    public void setCompatibility(String subject, Compatibility level) {
        catalog.setCompatibility(subject, level);
    }

    @Override
    public int register(String subject, Schema schema) {
        synchronized (catalog) {
            SchemaCatalog.Registration registration = catalog.prepare(subject, schema);
            if (registration.isNew()) {
                catalog.put(registration.metadata());
            }
            return registration.metadata().id();
        }
    }

    @Override
    public Schema getById(int id) {
        return catalog.byId(id)
                .orElseThrow(() -> new SchemaRegistryException(
                        "Schema " + id + " not found in " + url(), 404, SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Override
    public SchemaMetadata latest(String subject) {
        return catalog.latest(subject).orElseThrow(() -> subjectNotFound(subject));
    }

    @Override
    public SchemaMetadata version(String subject, int version) {
        if (!catalog.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
        return catalog.version(subject, version)
                .orElseThrow(() -> new SchemaRegistryException(
                        "Version " + version + " of subject '" + subject + "' not found in " + url(),
                        404,
                        SchemaRegistryException.VERSION_NOT_FOUND));
    }

    @Override
    public List<Integer> versions(String subject) {
        if (!catalog.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
        return catalog.versions(subject);
    }

    @Override
    public Optional<SchemaMetadata> lookup(String subject, Schema schema) {
        return catalog.find(subject, schema);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return catalog.incompatibilities(subject, schema).isEmpty();
    }

    @Override
    public List<String> subjects() {
        return catalog.subjects();
    }

    @Override
    public String url() {
        return SCHEME + scope;
    }

    private SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(
                "Subject '" + subject + "' not found in " + url(), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
}
