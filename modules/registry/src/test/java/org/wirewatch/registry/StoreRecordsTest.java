package org.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Actor;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaMetadata;

class StoreRecordsTest {

    @Test
    void shouldWriteKeysWithFixedFieldOrderWhenEncodingSchemas() {
        assertThat(text(StoreRecords.schemaKey("actors-value", 3)))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"actors-value\",\"version\":3,\"magic\":1}");
        assertThat(text(StoreRecords.configKey(null)))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(StoreRecords.configValue(Compatibility.FULL))).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldDecodeWhatItEncodedWhenReadingBack() {
        // given
        SchemaMetadata metadata = new SchemaMetadata("actors-value", 7, 2, Actor.getClassSchema());

        // when
        StoreRecords.Entry schema =
                StoreRecords.decode(StoreRecords.schemaKey("actors-value", 2), StoreRecords.schemaValue(metadata));
        StoreRecords.Entry config = StoreRecords.decode(
                StoreRecords.configKey("actors-value"), StoreRecords.configValue(Compatibility.NONE));

        // then
        assertThat(schema).isEqualTo(new StoreRecords.SchemaEntry(metadata));
        assertThat(config).isEqualTo(new StoreRecords.ConfigEntry("actors-value", Compatibility.NONE));
    }

    @Test
    void shouldIgnoreRecordsItDoesNotServeWhenReadingAConfluentTopic() {
        assertThat(StoreRecords.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), bytes("{}")))
                .isInstanceOf(StoreRecords.Ignored.class);
        assertThat(StoreRecords.decode(StoreRecords.schemaKey("a-value", 1), null))
                .isInstanceOf(StoreRecords.Ignored.class);
        assertThat(StoreRecords.decode(
                        StoreRecords.schemaKey("a-value", 1),
                        bytes("{\"subject\":\"a-value\","
                                + "\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":true}")))
                .isInstanceOf(StoreRecords.Ignored.class);
        assertThat(
                        StoreRecords.decode(
                                StoreRecords.schemaKey("a-value", 1),
                                bytes(
                                        "{\"subject\":\"a-value\","
                                                + "\"version\":1,\"id\":1,\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}")))
                .isInstanceOf(StoreRecords.Ignored.class);
        assertThat(StoreRecords.decode(bytes("not json"), bytes("{}"))).isInstanceOf(StoreRecords.Ignored.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
