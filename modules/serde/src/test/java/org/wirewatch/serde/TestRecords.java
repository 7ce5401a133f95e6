package org.wirewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/** Records for serde tests. */
final class TestRecords {

    private TestRecords() {}

    static WireReport wireReport() {
        return WireReport.newBuilder()
                .setUri("urn:newsml:afp.com:20181117:abuhusn")
                .setVersion(2)
                .setPubStatus(PubStatus.USABLE)
                .setFirstCreated(Instant.parse("2018-11-17T10:15:00Z"))
                .setVersionCreated(Instant.parse("2018-11-17T12:40:00Z"))
                .setLanguage("en")
                .setAgency("AFP")
                .setLocated("Beirut")
                .setHeadline("US-led strikes kill 43 in east Syria: monitor")
                .setBody("US-led coalition air strikes Saturday killed 43 people, mostly civilians.\n\n"
                        + "'No civilian casualties are associated with the strikes in question,' spokesman Sean Ryan"
                        + " told AFP. Dégâts à Abū Ḥuṣn.")
                .setUrgency(3)
                .setFormat(ReportFormat.values()[0])
                .setSource("drop-folder:inbox/a.json")
                .setReceivedAt(Instant.parse("2018-11-17T12:40:01.250Z"))
                .setSignals(List.of("update"))
                .build();
    }

    /**
     * Random instances of a generated class, covering both branches of optional fields: generic random data
     * written in binary and read back as the specific class (which applies its logical-type conversions).
     */
    static <T extends SpecificRecord> List<T> random(Class<T> type, int count, long seed) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        GenericDatumWriter<Object> writer = new GenericDatumWriter<>(schema, GenericData.get());
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, model);
        java.util.ArrayList<T> records = new java.util.ArrayList<>();
        for (Object datum : new RandomData(schema, count, seed)) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(datum, encoder);
                encoder.flush();
                records.add(reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /** A framed record written with {@code schema} as a generic datum, as another producer would. */
    static byte[] framed(int id, Schema schema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
