package org.wirewatch.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The in-memory state of a schema registry: subjects and their versions, global schema ids, and compatibility
 * levels. Both {@link MockSchemaRegistry} and the Kafka-backed registry server keep their state here; the server
 * only adds persistence around it.
 *
 * <p>A schema is identified by its parsed form ({@link Schema#toString()}), so the same schema text registered
 * under two subjects gets one id, as in Confluent's registry. Ids and versions are assigned as the highest seen
 * plus one, which is deterministic for a single writer. Thread-safe.
 */
public final class SchemaCatalog {

    private final Map<String, TreeMap<Integer, SchemaMetadata>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, Compatibility> subjectCompatibility = new HashMap<>();
    private Compatibility globalCompatibility;
    private int maxId;

    public SchemaCatalog(Compatibility globalCompatibility) {
        this.globalCompatibility = globalCompatibility;
    }

    /** Parses Avro schema text as the registry receives it. */
    public static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().setValidateDefaults(true).parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new SchemaRegistryException(
                    "Invalid schema: " + e.getMessage(), 422, SchemaRegistryException.INVALID_SCHEMA);
        }
    }

    /** The key under which two equal schemas meet. */
    public static String canonical(Schema schema) {
        return schema.toString();
    }

    /** The version of {@code schema} under {@code subject}, if it is registered there. */
    public synchronized Optional<SchemaMetadata> find(String subject, Schema schema) {
        String key = canonical(schema);
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream()
                .filter(m -> canonical(m.schema()).equals(key))
                .findFirst();
    }

    /**
     * What registering {@code schema} under {@code subject} would add: the existing entry when it is already
     * there (then nothing needs writing), else a new entry with the schema's existing global id or the next
     * free one, and the subject's next version.
     *
     * @throws SchemaRegistryException 409 when the subject's compatibility level rejects the schema
     */
    public synchronized Registration prepare(String subject, Schema schema) {
        Optional<SchemaMetadata> existing = find(subject, schema);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        List<String> problems = incompatibilities(subject, schema);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(
                    "Schema being registered is incompatible with an earlier schema for" + " subject \"" + subject
                            + "\" (" + compatibility(subject) + "): " + String.join("; ", problems),
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        }
        Integer id = idsByCanonical.get(canonical(schema));
        int newId = id != null ? id : maxId + 1;
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        return new Registration(new SchemaMetadata(subject, newId, version, schema), true);
    }

    /** Adds a registered version (as prepared, or as read back from the store). Idempotent. */
    public synchronized void put(SchemaMetadata metadata) {
        subjects.computeIfAbsent(metadata.subject(), s -> new TreeMap<>()).put(metadata.version(), metadata);
        schemasById.putIfAbsent(metadata.id(), metadata.schema());
        idsByCanonical.putIfAbsent(canonical(metadata.schema()), metadata.id());
        maxId = Math.max(maxId, metadata.id());
    }

    public synchronized Optional<Schema> byId(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    public synchronized Optional<SchemaMetadata> latest(String subject) {
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        return versions == null || versions.isEmpty()
                ? Optional.empty()
                : Optional.of(versions.lastEntry().getValue());
    }

    public synchronized Optional<SchemaMetadata> version(String subject, int version) {
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    public synchronized boolean hasSubject(String subject) {
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        return versions != null && !versions.isEmpty();
    }

    /** Versions of {@code subject}, ascending; empty when the subject is unknown. */
    public synchronized List<Integer> versions(String subject) {
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    public synchronized List<String> subjects() {
        return subjects.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Every (subject, version) that holds the schema with this id. */
    public synchronized List<SchemaMetadata> usesOf(int id) {
        List<SchemaMetadata> uses = new ArrayList<>();
        subjects.values()
                .forEach(versions ->
                        versions.values().stream().filter(m -> m.id() == id).forEach(uses::add));
        return uses;
    }

    /** The level that applies to {@code subject}: its own, else the global one. */
    public synchronized Compatibility compatibility(String subject) {
        return subject == null ? globalCompatibility : subjectCompatibility.getOrDefault(subject, globalCompatibility);
    }

    /** The subject's own level, if one was set. */
    public synchronized Optional<Compatibility> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    /** Sets the global level ({@code subject} null) or a subject's own level. */
    public synchronized void setCompatibility(String subject, Compatibility level) {
        if (subject == null) {
            globalCompatibility = level;
        } else {
            subjectCompatibility.put(subject, level);
        }
    }

    /** Why {@code schema} may not be registered under {@code subject}; empty when it may. */
    public synchronized List<String> incompatibilities(String subject, Schema schema) {
        TreeMap<Integer, SchemaMetadata> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            return List.of();
        }
        List<Schema> previous =
                versions.values().stream().map(SchemaMetadata::schema).toList();
        return compatibility(subject).incompatibilities(schema, previous);
    }

    /** The outcome of {@link #prepare}: the entry, and whether it is new and must be stored. */
    public record Registration(SchemaMetadata metadata, boolean isNew) {}
}
