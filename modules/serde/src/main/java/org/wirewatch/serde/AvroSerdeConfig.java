package org.wirewatch.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link AvroSerializer} and {@link AvroDeserializer}, under Confluent's key names. Registry client
 * settings (auth, TLS, timeouts) are in {@link SchemaRegistryClientConfig}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code schema.registry.url}</td><td>(required)</td><td>registry base URL(s) or {@code mock://scope}</td></tr>
 *   <tr><td>{@code auto.register.schemas}</td><td>true</td><td>serializer registers the record's schema; when
 *       false the schema must already be registered under the subject (looked up, never written)</td></tr>
 *   <tr><td>{@code key.subject.name.strategy}, {@code value.subject.name.strategy}</td><td>TopicNameStrategy</td>
 *       <td>see {@link SubjectNameStrategy}</td></tr>
 *   <tr><td>{@code specific.avro.key.type}, {@code specific.avro.value.type}</td><td>from the writer schema's
 *       name</td><td>generated class the deserializer reads into (its schema is the reader schema)</td></tr>
 * </table>
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClientConfig.URL;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    private AvroSerdeConfig() {}

    static boolean autoRegister(Map<String, ?> config) {
        Object value = config.get(AUTO_REGISTER_SCHEMAS);
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "expected true or false");
    }

    static SubjectNameStrategy strategy(Map<String, ?> config, boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return SubjectNameStrategy.parse(key, config.get(key));
    }

    static Class<?> specificType(Map<String, ?> config, boolean isKey) {
        String key = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Class<?> c) {
            return c;
        }
        try {
            return Class.forName(value.toString().trim(), true, AvroSerdeConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, value, "class not found");
        }
    }
}
