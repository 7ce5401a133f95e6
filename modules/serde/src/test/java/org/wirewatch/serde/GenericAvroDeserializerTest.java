package org.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.WireReport;

class GenericAvroDeserializerTest {

    private final String scope = "generic-test-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void shouldReadWriterSchemaFieldsWhenNoClassIsGiven() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, "mock://" + scope);
        WireReport report = TestRecords.wireReport();
        byte[] bytes = serde.serializer().serialize("raw", report);

        // when
        GenericRecord read = new GenericAvroDeserializer(MockSchemaRegistry.scope(scope)).deserialize("raw", bytes);

        // then
        assertThat(read.getSchema()).isEqualTo(WireReport.getClassSchema());
        assertThat(read.get("uri").toString()).isEqualTo(report.getUri());
        assertThat(read.get("firstCreated")).isEqualTo(report.getFirstCreated());
        assertThat(read.get("pubStatus").toString()).isEqualTo("USABLE");
    }

    @Test
    void shouldFailNamingTopicWhenBytesAreNotFramed() {
        GenericAvroDeserializer deserializer = new GenericAvroDeserializer(MockSchemaRegistry.scope(scope));

        assertThat(deserializer.deserialize("raw", null)).isNull();
        assertThatThrownBy(() -> deserializer.deserialize("raw", "{\"json\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'raw'")
                .hasMessageContaining("magic byte 0x7b");
    }
}
