package org.wirewatch.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a serializer names the registry subject of a record, as Confluent's strategies do. Configured with
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy}; Confluent's class names
 * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}) and the simple names are accepted.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one schema (and its evolutions) per topic. The default. */
    TOPIC_NAME("TopicNameStrategy"),
    /** The record's full name: one record type may appear on many topics. */
    RECORD_NAME("RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: several record types per topic. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy");

    private final String className;

    SubjectNameStrategy(String className) {
        this.className = className;
    }

    /** The subject for a record of {@code schema} on {@code topic}. */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    /** Parses a configured strategy: a Confluent class name, its simple name, or this enum's name. */
    public static SubjectNameStrategy parse(String key, Object configured) {
        if (configured == null) {
            return TOPIC_NAME;
        }
        String text = configured instanceof Class<?> c
                ? c.getName()
                : configured.toString().trim();
        String simple = text.substring(text.lastIndexOf('.') + 1);
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.className.equals(simple) || strategy.name().equals(text.toUpperCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new ConfigException(
                key,
                configured,
                "unknown subject name strategy; use TopicNameStrategy, "
                        + "RecordNameStrategy or TopicRecordNameStrategy");
    }
}
