package org.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

class AvroSerdeTest {

    private static final String TOPIC = "wirewatch.reports.raw.v1";

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final String url = "mock://" + scope;

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.drop(scope);
    }

    static Stream<Class<? extends SpecificRecord>> recordTypes() {
        return Stream.of(
                WireReport.class,
                RejectedReport.class,
                ReportExtraction.class,
                IncidentMention.class,
                Claim.class,
                ClaimSource.class,
                Location.class,
                Actor.class,
                CasualtyFigure.class,
                EvidenceSpan.class,
                Incident.class,
                MentionRef.class,
                CasualtyTally.class,
                Alert.class);
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    <T extends SpecificRecord> void shouldRoundTripEveryRecordTypeWhenWrittenAndReadThroughTheRegistry(Class<T> type) {
        // given
        AvroSerde<T> serde = AvroSerdes.value(type, url);
        List<T> records = TestRecords.random(type, 25, 42L);

        // when
        List<T> read = records.stream()
                .map(r -> serde.deserializer()
                        .deserialize(TOPIC, serde.serializer().serialize(TOPIC, r)))
                .toList();

        // then: field by field, since generated equals() cannot compare nested nullable timestamps
        assertThat(read).usingRecursiveComparison().isEqualTo(records);
        assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly(TOPIC + "-value");
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    <T extends SpecificRecord> void shouldWriteTheSameBytesAsAvrosReflectiveWriterWhenCustomEncodersAreUsed(
            Class<T> type) throws IOException {
        // given: the generated class's own model, whose custom encoders are off (Avro's default)
        AvroSerde<T> serde = AvroSerdes.value(type, url);
        SpecificData reflective = SpecificData.getForClass(type);
        assertThat(reflective.useCustomCoders()).isFalse();
        assertThat(AvroSerializer.writingModel(type).useCustomCoders()).isTrue();
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(reflective.getSchema(type), reflective);

        for (T r : TestRecords.random(type, 25, 7L)) {
            // when
            byte[] framed = serde.serializer().serialize(TOPIC, r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(r, encoder);
            encoder.flush();

            // then: past the magic byte and schema id, byte for byte
            assertThat(Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(out.toByteArray());
        }
    }

    @Test
    void shouldKeepLogicalTypesAndTextWhenRoundTrippingAWireReport() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);
        WireReport report = TestRecords.wireReport();

        // when
        WireReport read =
                serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, report));

        // then
        assertThat(read).isEqualTo(report);
        assertThat(read.getFirstCreated()).isEqualTo(report.getFirstCreated());
        assertThat(read.getBody()).contains("Abū Ḥuṣn");
    }

    @Test
    void shouldWriteMagicByteAndRegisteredIdWhenSerializing() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.wireReport());

        // then
        SchemaMetadata latest = MockSchemaRegistry.scope(scope).latest(TOPIC + "-value");
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest.id());
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.schema()).isEqualTo(WireReport.getClassSchema());
    }

    @Test
    void shouldUseKeySubjectWhenConfiguredAsKeySerde() {
        // given
        AvroSerde<Actor> serde = AvroSerdes.key(Actor.class, url);

        // when
        serde.serializer()
                .serialize(
                        "actors", Actor.newBuilder().setName("US-led coalition").build());

        // then
        assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly("actors-key");
    }

    @Test
    void shouldMapNullToNullWhenRecordIsATombstone() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, null);
        WireReport read = serde.deserializer().deserialize(TOPIC, null);

        // then
        assertThat(bytes).isNull();
        assertThat(read).isNull();
        assertThat(MockSchemaRegistry.scope(scope).subjects()).isEmpty();
    }

    @Test
    void shouldReadOldRecordsWithNewReaderWhenAFieldWasAddedSince() {
        // given an earlier WireReport schema without the optional urgency and signals fields
        Schema old = withoutFields(WireReport.getClassSchema(), "urgency", "signals");
        MockSchemaRegistry registry = MockSchemaRegistry.scope(scope);
        int oldId = registry.register(TOPIC + "-value", old);
        WireReport current = TestRecords.wireReport();
        GenericRecord oldRecord = copy(current, old);

        // when
        WireReport read = new AvroDeserializer<>(WireReport.class, registry)
                .deserialize(TOPIC, TestRecords.framed(oldId, old, oldRecord));

        // then
        assertThat(read.getUrgency()).isNull();
        assertThat(read.getSignals()).isEmpty();
        assertThat(read.getUri()).isEqualTo(current.getUri());
        assertThat(read.getFirstCreated()).isEqualTo(current.getFirstCreated());
        assertThat(read.getBody()).isEqualTo(current.getBody());
        assertThat(registry.register(TOPIC + "-value", WireReport.getClassSchema()))
                .isNotEqualTo(oldId);
        assertThat(registry.versions(TOPIC + "-value")).containsExactly(1, 2);
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenWriterIsNewerThanReader() {
        // given a later WireReport schema with an extra optional field
        Schema newer = withExtraField(WireReport.getClassSchema());
        MockSchemaRegistry registry = MockSchemaRegistry.scope(scope);
        int newerId = registry.register("other-value", newer);
        WireReport current = TestRecords.wireReport();
        GenericRecord newerRecord = copy(current, newer);
        newerRecord.put("sentiment", "grim");

        // when
        WireReport read = new AvroDeserializer<>(WireReport.class, registry)
                .deserialize("other", TestRecords.framed(newerId, newer, newerRecord));

        // then
        assertThat(read).isEqualTo(current);
    }

    @Test
    void shouldRefuseSchemaWhenItBreaksBackwardCompatibility() {
        // given
        MockSchemaRegistry registry = MockSchemaRegistry.scope(scope);
        registry.register(TOPIC + "-value", WireReport.getClassSchema());
        Schema broken = withRequiredField(WireReport.getClassSchema());

        // when / then
        assertThat(registry.testCompatibility(TOPIC + "-value", broken)).isFalse();
        assertThatThrownBy(() -> registry.register(TOPIC + "-value", broken))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible")
                .hasMessageContaining("region")
                .extracting(e -> ((SchemaRegistryException) e).errorCode())
                .isEqualTo(409);
    }

    @Test
    void shouldFailNamingTopicWhenMagicByteIsWrong() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.wireReport());
        bytes[0] = 7;

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("magic byte 0x07");
    }

    @Test
    void shouldFailWhenRecordIsShorterThanTheHeader() {
        // given
        AvroDeserializer<WireReport> deserializer =
                new AvroDeserializer<>(WireReport.class, MockSchemaRegistry.scope(scope));

        // when / then
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("3 bytes is shorter than the 5-byte header");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 bytes");
    }

    @Test
    void shouldFailNamingSchemaIdWhenIdIsUnknown() {
        // given
        AvroDeserializer<WireReport> deserializer =
                new AvroDeserializer<>(WireReport.class, MockSchemaRegistry.scope(scope));
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 4};

        // when / then
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id 12345")
                .hasMessageContaining("unknown schema id");
    }

    @Test
    void shouldFailNamingSchemaIdWhenBodyIsTruncated() {
        // given
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.wireReport());
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("not a valid record");
    }

    @Test
    void shouldRefuseToSerializeWhenAutoRegisterIsOffAndSchemaIsUnknown() {
        // given
        AvroSerializer<WireReport> serializer = new AvroSerializer<>();
        serializer.configure(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"),
                false);

        // when / then
        assertThatThrownBy(() -> serializer.serialize(TOPIC, TestRecords.wireReport()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject '" + TOPIC + "-value'");
        int id = MockSchemaRegistry.scope(scope).register(TOPIC + "-value", WireReport.getClassSchema());
        assertThat(ByteBuffer.wrap(serializer.serialize(TOPIC, TestRecords.wireReport()), 1, 4)
                        .getInt())
                .isEqualTo(id);
        assertThat(MockSchemaRegistry.scope(scope).versions(TOPIC + "-value")).containsExactly(1);
    }

    @Test
    void shouldKeepScopesApartWhenTwoMockUrlsAreUsed() {
        // given
        String otherScope = scope + "-other";
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);
        AvroSerde<WireReport> other = AvroSerdes.value(WireReport.class, "mock://" + otherScope);
        try {
            byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.wireReport());

            // when / then
            assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly(TOPIC + "-value");
            assertThat(MockSchemaRegistry.scope(otherScope).subjects()).isEmpty();
            assertThatThrownBy(() -> other.deserializer().deserialize(TOPIC, bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("unknown schema id");
        } finally {
            MockSchemaRegistry.drop(otherScope);
        }
    }

    @Test
    void shouldFindTheGeneratedClassWhenConfiguredLikeAKafkaClient() {
        // given
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        config.put(
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        AvroSerializer<Incident> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        AvroDeserializer<Incident> untyped = new AvroDeserializer<>();
        untyped.configure(config, false);
        AvroDeserializer<Incident> typed = new AvroDeserializer<>();
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Incident.class.getName());
        typed.configure(config, false);
        Incident incident = TestRecords.random(Incident.class, 1, 7L).get(0);

        // when
        byte[] bytes = serializer.serialize("wirewatch.incidents.v1", incident);

        // then
        assertThat(untyped.deserialize("wirewatch.incidents.v1", bytes))
                .usingRecursiveComparison()
                .isEqualTo(incident);
        assertThat(typed.deserialize("wirewatch.incidents.v1", bytes))
                .usingRecursiveComparison()
                .isEqualTo(incident);
        assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly(Incident.class.getName());
    }

    @Test
    void shouldWorkAsStreamsDefaultSerdeWhenBuiltWithoutArguments() {
        // given
        AvroSerde<Claim> serde = new AvroSerde<>();
        serde.configure(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Claim.class),
                false);
        Claim claim = TestRecords.random(Claim.class, 1, 11L).get(0);

        // when
        Claim read = serde.deserializer()
                .deserialize("wirewatch.claims.v1", serde.serializer().serialize("wirewatch.claims.v1", claim));

        // then
        assertThat(read).usingRecursiveComparison().isEqualTo(claim);
        assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly("wirewatch.claims.v1-value");
    }

    @Test
    void shouldWriteTheNextRecordCleanlyWhenARecordFailsToSerialize() {
        // given a record whose required fields are unset
        AvroSerde<WireReport> serde = AvroSerdes.value(WireReport.class, url);
        WireReport broken = new WireReport();
        broken.setUri("urn:broken");
        broken.setHeadline("x".repeat(100));

        // when
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("WireReport");
        byte[] next = serde.serializer().serialize(TOPIC, TestRecords.wireReport());

        // then
        assertThat(serde.deserializer().deserialize(TOPIC, next)).isEqualTo(TestRecords.wireReport());
    }

    @Test
    void shouldRegisterOnceWhenSerializingManyRecords() {
        // given
        CountingRegistry counting = new CountingRegistry(MockSchemaRegistry.scope(scope));
        AvroSerializer<WireReport> serializer = new AvroSerializer<>(counting);
        serializer.configure(Map.of(), false);

        // when
        for (int i = 0; i < 10; i++) {
            serializer.serialize(TOPIC, TestRecords.wireReport());
        }

        // then
        assertThat(counting.registrations).isEqualTo(1);
    }

    @Test
    void shouldFetchWriterSchemaOnceWhenDeserializingManyRecords() {
        // given
        CountingRegistry counting = new CountingRegistry(MockSchemaRegistry.scope(scope));
        AvroSerde<WireReport> serde = new AvroSerde<>(WireReport.class, counting);
        serde.configure(Map.of(), false);
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.wireReport());

        // when
        for (int i = 0; i < 10; i++) {
            serde.deserializer().deserialize(TOPIC, bytes);
        }

        // then
        assertThat(counting.lookupsById).isEqualTo(1);
    }

    private static Schema withoutFields(Schema schema, String... names) {
        ObjectNode json = json(schema);
        ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (List.of(names).contains(fields.get(i).get("name").asText())) {
                fields.remove(i);
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema withExtraField(Schema schema) {
        ObjectNode json = json(schema);
        ((ArrayNode) json.get("fields"))
                .addObject()
                .put("name", "sentiment")
                .putNull("default")
                .putArray("type")
                .add("null")
                .add("string");
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema withRequiredField(Schema schema) {
        ObjectNode json = json(schema);
        ((ArrayNode) json.get("fields")).addObject().put("name", "region").put("type", "string");
        return new Schema.Parser().parse(json.toString());
    }

    private static ObjectNode json(Schema schema) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(schema.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static GenericRecord copy(WireReport report, Schema schema) {
        // Write as generic data the way another producer would: logical types as their underlying values.
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Schema.Field source = WireReport.getClassSchema().getField(field.name());
            if (source != null) {
                Object value = report.get(source.pos());
                if (value instanceof java.time.Instant instant) {
                    value = instant.toEpochMilli();
                } else if (value instanceof Enum<?> e) {
                    value = new GenericData.EnumSymbol(field.schema(), e.name());
                }
                record.put(field.name(), value);
            }
        }
        return record;
    }

    /** Counts registrations that reach the registry, to show the serializer's cache. */
    private static final class CountingRegistry implements SchemaRegistryClient {
        private final SchemaRegistryClient delegate;
        private int registrations;
        private int lookupsById;

        CountingRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(String subject, Schema schema) {
            registrations++;
            return delegate.register(subject, schema);
        }

        @Override
        public Schema getById(int id) {
            lookupsById++;
            return delegate.getById(id);
        }

        @Override
        public SchemaMetadata latest(String subject) {
            return delegate.latest(subject);
        }

        @Override
        public SchemaMetadata version(String subject, int version) {
            return delegate.version(subject, version);
        }

        @Override
        public List<Integer> versions(String subject) {
            return delegate.versions(subject);
        }

        @Override
        public java.util.Optional<SchemaMetadata> lookup(String subject, Schema schema) {
            return delegate.lookup(subject, schema);
        }

        @Override
        public boolean testCompatibility(String subject, Schema schema) {
            return delegate.testCompatibility(subject, schema);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }

        @Override
        public String url() {
            return delegate.url();
        }
    }
}
