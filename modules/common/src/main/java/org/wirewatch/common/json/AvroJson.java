package org.wirewatch.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The plain JSON form of Wirewatch records, as {@code docs/architecture.md#json} specifies it and the project's scorer
 * reads it: null for absent, enum symbols as strings, {@code date} as {@code YYYY-MM-DD}, {@code timestamp-millis} as
 * ISO-8601 UTC, fields in schema order. Avro's own JSON encoding wraps unions ({@code {"int": 3}}), which downstream
 * scripts should not have to unwrap.
 */
public final class AvroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {}

    /** One line of compact JSON. */
    public static String toJson(final IndexedRecord record) {
        try {
            return MAPPER.writeValueAsString(toJsonNode(record));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + record.getSchema().getFullName() + " as JSON", e);
        }
    }

    public static ObjectNode toJsonNode(final IndexedRecord record) {
        final ObjectNode out = NODES.objectNode();
        for (final Schema.Field f : record.getSchema().getFields()) {
            out.set(f.name(), value(record.get(f.pos())));
        }
        return out;
    }

    private static JsonNode value(final Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof IndexedRecord r) {
            return toJsonNode(r);
        } else if (v instanceof CharSequence || v instanceof Enum<?>) {
            return NODES.textNode(v.toString());
        } else if (v instanceof LocalDate d) {
            return NODES.textNode(d.toString());
        } else if (v instanceof Instant t) {
            return NODES.textNode(t.toString());
        } else if (v instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Double d) {
            return NODES.numberNode(d);
        } else if (v instanceof Float f) {
            return NODES.numberNode(f);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof ByteBuffer b) {
            final ByteBuffer dup = b.duplicate();
            final byte[] bytes = new byte[dup.remaining()];
            dup.get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof Collection<?> c) {
            final ArrayNode arr = NODES.arrayNode();
            c.forEach(x -> arr.add(value(x)));
            return arr;
        } else if (v instanceof Map<?, ?> m) {
            final ObjectNode obj = NODES.objectNode();
            m.forEach((k, x) -> obj.set(String.valueOf(k), value(x)));
            return obj;
        } else if (v instanceof org.apache.avro.generic.GenericEnumSymbol<?> e) {
            return NODES.textNode(e.toString());
        }
        return NODES.textNode(v.toString());
    }

    /** Parses the plain JSON form back into a generated record; missing fields take their schema default. */
    public static <T extends SpecificRecord> T fromJson(final String json, final Class<T> type) {
        try {
            return fromJsonNode(MAPPER.readTree(json), type);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T extends SpecificRecord> T fromJsonNode(final JsonNode json, final Class<T> type) {
        final Schema schema = SpecificData.get().getSchema(type);
        return type.cast(read(json, schema, "$"));
    }

    private static Object read(final JsonNode json, final Schema schema, final String path) {
        switch (schema.getType()) {
            case UNION -> {
                if (json == null || json.isNull()) {
                    if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
                        return null;
                    }
                    throw new IllegalArgumentException(path + ": null is not allowed");
                }
                IllegalArgumentException last = null;
                for (final Schema branch : schema.getTypes()) {
                    if (branch.getType() == Schema.Type.NULL) {
                        continue;
                    }
                    try {
                        return read(json, branch, path);
                    } catch (final IllegalArgumentException e) {
                        last = e;
                    }
                }
                throw last != null ? last : new IllegalArgumentException(path + ": no union branch matches");
            }
            case RECORD -> {
                if (json == null || !json.isObject()) {
                    throw new IllegalArgumentException(path + ": expected an object for " + schema.getName());
                }
                final IndexedRecord rec = (IndexedRecord) SpecificData.get().newRecord(null, schema);
                for (final Schema.Field f : schema.getFields()) {
                    final JsonNode child = json.get(f.name());
                    if (child == null && f.hasDefaultValue()) {
                        rec.put(
                                f.pos(),
                                SpecificData.get()
                                        .deepCopy(f.schema(), SpecificData.get().getDefaultValue(f)));
                    } else {
                        rec.put(f.pos(), read(child, f.schema(), path + "." + f.name()));
                    }
                }
                return rec;
            }
            case ENUM -> {
                if (json == null
                        || !json.isTextual()
                        || !schema.getEnumSymbols().contains(json.asText())) {
                    throw new IllegalArgumentException(path + ": expected one of " + schema.getEnumSymbols());
                }
                return SpecificData.get().createEnum(json.asText(), schema);
            }
            case ARRAY -> {
                if (json == null || !json.isArray()) {
                    throw new IllegalArgumentException(path + ": expected an array");
                }
                final List<Object> list = new ArrayList<>(json.size());
                for (int i = 0; i < json.size(); i++) {
                    list.add(read(json.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return list;
            }
            case STRING -> {
                requireKind(json != null && json.isTextual(), path, "a string");
                return json.asText();
            }
            case INT -> {
                final LogicalType lt = schema.getLogicalType();
                if (lt instanceof LogicalTypes.Date) {
                    requireKind(json != null && json.isTextual(), path, "a date YYYY-MM-DD");
                    return LocalDate.parse(json.asText());
                }
                requireKind(json != null && json.canConvertToInt() && json.isIntegralNumber(), path, "an int");
                return json.intValue();
            }
            case LONG -> {
                final LogicalType lt = schema.getLogicalType();
                if (lt instanceof LogicalTypes.TimestampMillis) {
                    requireKind(json != null && json.isTextual(), path, "an ISO-8601 timestamp");
                    return Instant.parse(json.asText());
                }
                requireKind(json != null && json.isIntegralNumber(), path, "a long");
                return json.longValue();
            }
            case DOUBLE -> {
                requireKind(json != null && json.isNumber(), path, "a number");
                return json.doubleValue();
            }
            case FLOAT -> {
                requireKind(json != null && json.isNumber(), path, "a number");
                return json.floatValue();
            }
            case BOOLEAN -> {
                requireKind(json != null && json.isBoolean(), path, "a boolean");
                return json.booleanValue();
            }
            case NULL -> {
                requireKind(json == null || json.isNull(), path, "null");
                return null;
            }
            default -> throw new IllegalArgumentException(path + ": unsupported Avro type " + schema.getType());
        }
    }

    private static void requireKind(final boolean ok, final String path, final String what) {
        if (!ok) {
            throw new IllegalArgumentException(path + ": expected " + what);
        }
    }
}
