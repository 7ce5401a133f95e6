package org.wirewatch.streams.normalize;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.ReprocessHeaders;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerializer;

/**
 * Latest version per story wins ({@code docs/architecture.md#semantics-1}), and a reprocess writes only what changed
 * ({@code #semantics-11}).
 *
 * <p>Reports from {@value Topics#RAW_REPORTS}: a higher version than {@link #STORE} holds is extracted and forwarded,
 * a canceled one becomes a tombstone, and a lower or equal version (a late or repeated delivery) is a no-op.
 *
 * <p>Copies from {@value Topics#REPROCESS_REPORTS}: the version the story is at now is extracted again with the
 * running rules and forwarded only when the extraction differs from the last one forwarded, whose digest
 * {@link #DIGESTS} keeps; the {@link ReprocessHeaders#RUN} header stays on what is forwarded. A copy of a version
 * the story has since left behind is a no-op; a copy of a version normalize has not yet read from the raw topic is
 * handled as that version, and the original then counts as a repeat.
 *
 * <p>Both stores are updated only after the extraction succeeded, so a report that fails goes to the dead letters
 * without hiding a later retry; under exactly-once they commit with the output, so an interrupted reprocess never
 * leaves a digest for an extraction that was not written.
 */
public final class NormalizeProcessor implements Processor<String, WireReport, String, ReportExtraction> {

    /** Highest version seen per story uri. */
    public static final String STORE = "story-versions";
    /** Digest of the last extraction forwarded per story uri (of its tombstone, for a canceled story). */
    public static final String DIGESTS = "story-extraction-digests";

    private static final Logger LOG = LoggerFactory.getLogger(NormalizeProcessor.class);
    private static final int DIGEST_BYTES = 16;
    private static final byte[] CANCELED = new byte[] {0};
    private static final byte[] SINGLE_OBJECT_HEADER = singleObjectHeader();
    private static final DatumWriter<ReportExtraction> WRITER = new SpecificDatumWriter<>(
            ReportExtraction.getClassSchema(), AvroSerializer.writingModel(ReportExtraction.class));

    private final Function<WireReport, ReportExtraction> extractor;
    private ProcessorContext<String, ReportExtraction> context;
    private KeyValueStore<String, Integer> versions;
    private KeyValueStore<String, byte[]> digests;
    private final MessageDigest sha;
    private final Bytes encoded = new Bytes();
    private BinaryEncoder encoder;

    NormalizeProcessor(final Function<WireReport, ReportExtraction> extractor) {
        this.extractor = extractor;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The supplier, carrying its stores so the topology wires them. */
    public static ProcessorSupplier<String, WireReport, String, ReportExtraction> supplier(
            final Function<WireReport, ReportExtraction> extractor) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, WireReport, String, ReportExtraction> get() {
                return new NormalizeProcessor(extractor);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Integer()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DIGESTS), Serdes.String(), Serdes.ByteArray()));
            }
        };
    }

    @Override
    public void init(final ProcessorContext<String, ReportExtraction> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
        this.digests = context.getStateStore(DIGESTS);
    }

    @Override
    public void process(final Record<String, WireReport> record) {
        final WireReport report = record.value();
        if (report == null) {
            throw new IllegalArgumentException("raw report without a value (key " + record.key() + ")");
        }
        final boolean again = context.recordMetadata()
                .map(RecordMetadata::topic)
                .filter(Topics.REPROCESS_REPORTS::equals)
                .isPresent();
        // The uri in the value is the story id; the key is only its partitioning copy.
        final String uri = report.getUri();
        final Integer seen = versions.get(uri);
        final boolean sameVersion = seen != null && report.getVersion() == seen;
        if (seen != null && (report.getVersion() < seen || sameVersion && !again)) {
            LOG.debug("Ignoring {} version {}: version {} already seen", uri, report.getVersion(), seen);
            return;
        }
        final ReportExtraction extraction =
                report.getPubStatus() == PubStatus.CANCELED ? null : extractor.apply(report);
        final byte[] digest = digest(extraction);
        if (sameVersion && Arrays.equals(digest, digests.get(uri))) {
            return;
        }
        versions.put(uri, report.getVersion());
        digests.put(uri, digest);
        // A first extraction of a version is what a fresh replay writes too; only a changed re-extraction is the
        // reprocess's doing and keeps its mark.
        final Record<String, ReportExtraction> out = record.withKey(uri).withValue(extraction);
        if (!sameVersion) {
            out.headers().remove(ReprocessHeaders.RUN);
        }
        context.forward(out);
    }

    /**
     * What identifies an extraction's content: its Avro single-object encoding ({@link ReportExtraction#toByteBuffer}:
     * marker, schema fingerprint, binary form), hashed. Written here with a buffered encoder kept across records:
     * {@code toByteBuffer} writes byte by byte to a synchronized stream and copies the result, which cost more than
     * serializing the extraction for the topic. The bytes, and so the stored digests, are the same.
     */
    byte[] digest(final ReportExtraction extraction) {
        if (extraction == null) {
            return CANCELED;
        }
        try {
            encoded.reset();
            encoded.write(SINGLE_OBJECT_HEADER);
            encoder = EncoderFactory.get().binaryEncoder(encoded, encoder);
            WRITER.write(extraction, encoder);
            encoder.flush();
            sha.update(encoded.bytes(), 0, encoded.size());
            return Arrays.copyOf(sha.digest(), DIGEST_BYTES);
        } catch (final java.io.IOException e) {
            encoder = null;
            throw new java.io.UncheckedIOException("cannot encode the extraction of " + extraction.getReportUri(), e);
        } catch (final RuntimeException e) {
            // The encoder may hold part of the failed record; it must not reach the next one.
            encoder = null;
            throw e;
        }
    }

    /** The Avro single-object header of {@link ReportExtraction}: marker C3 01, then the schema's CRC-64-AVRO. */
    static byte[] singleObjectHeader() {
        final byte[] fingerprint;
        try {
            fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", ReportExtraction.getClassSchema());
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("Avro's CRC-64-AVRO fingerprint is built in", e);
        }
        final byte[] header = new byte[2 + fingerprint.length];
        header[0] = (byte) 0xC3;
        header[1] = (byte) 0x01;
        System.arraycopy(fingerprint, 0, header, 2, fingerprint.length);
        return header;
    }

    /** A byte stream whose buffer is read in place. */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        Bytes() {
            super(8192);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
