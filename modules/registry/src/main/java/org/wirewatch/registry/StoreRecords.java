package org.wirewatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaCatalog;
import org.wirewatch.serde.SchemaMetadata;

/**
 * The JSON records of the store topic, in the layout Confluent's registry uses for its {@code _schemas} topic:
 * key {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}} with value
 * {@code {"subject":s,"version":v,"id":id,"schema":text,"deleted":false}}, and key
 * {@code {"keytype":"CONFIG","subject":s|null,"magic":0}} with value {@code {"compatibilityLevel":level}}.
 * Keys are written with a fixed field order so that compaction keeps one record per subject version.
 */
final class StoreRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecords() {}

    static byte[] schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode()
                .put("keytype", "SCHEMA")
                .put("subject", subject)
                .put("version", version)
                .put("magic", 1);
        return bytes(key);
    }

    static byte[] schemaValue(SchemaMetadata metadata) {
        ObjectNode value = JSON.createObjectNode()
                .put("subject", metadata.subject())
                .put("version", metadata.version())
                .put("id", metadata.id())
                .put("schema", metadata.schema().toString())
                .put("deleted", false);
        return bytes(value);
    }

    static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return bytes(key.put("magic", 0));
    }

    static byte[] configValue(Compatibility level) {
        return bytes(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    /** What a stored record means for the catalog. */
    sealed interface Entry permits SchemaEntry, ConfigEntry, Ignored {}

    record SchemaEntry(SchemaMetadata metadata) implements Entry {}

    record ConfigEntry(String subject, Compatibility level) implements Entry {}

    record Ignored(String reason) implements Entry {}

    /** Decodes one record of the store topic. */
    static Entry decode(byte[] key, byte[] value) {
        JsonNode keyNode = read(key);
        if (keyNode == null) {
            return new Ignored("key is not JSON");
        }
        String type = keyNode.path("keytype").asText("");
        if (value == null) {
            return new Ignored(
                    "tombstone for " + type + " " + keyNode.path("subject").asText());
        }
        JsonNode valueNode = read(value);
        if (valueNode == null) {
            return new Ignored("value is not JSON");
        }
        switch (type) {
            case "SCHEMA": {
                if (valueNode.path("deleted").asBoolean(false)) {
                    return new Ignored(
                            "deleted version " + valueNode.path("version").asInt() + " of "
                                    + valueNode.path("subject").asText());
                }
                String schemaType = valueNode.path("schemaType").asText("AVRO");
                if (!schemaType.equals("AVRO")) {
                    return new Ignored(schemaType + " schema");
                }
                return new SchemaEntry(new SchemaMetadata(
                        valueNode.path("subject").asText(),
                        valueNode.path("id").asInt(),
                        valueNode.path("version").asInt(),
                        SchemaCatalog.parse(valueNode.path("schema").asText())));
            }
            case "CONFIG": {
                JsonNode subject = keyNode.get("subject");
                String level = valueNode.path("compatibilityLevel").asText("");
                if (level.isEmpty()) {
                    return new Ignored("config without compatibilityLevel");
                }
                return new ConfigEntry(
                        subject == null || subject.isNull() ? null : subject.asText(), Compatibility.parse(level));
            }
            default:
                return new Ignored("key type '" + type + "'");
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
