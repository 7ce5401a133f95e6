package org.wirewatch.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.Fixtures;

/** The digests normalize stores, which a reprocess compares with those of earlier versions of the code. */
class NormalizeProcessorTest {

    private static final String BODY = "BEIRUT, Nov 17 (AFP) - An air strike killed 12 people, including three "
            + "children, in the village of Abu Husn in Deir ez-Zor province on Saturday, the Syrian Observatory "
            + "for Human Rights said. \"The bodies are still under the rubble,\" a resident told AFP. Islamic State "
            + "claimed an attack on a checkpoint near Raqqa on Friday that wounded five soldiers.";

    @Test
    void shouldHashTheAvroSingleObjectEncodingOfTheExtraction() throws Exception {
        // given extractions of different sizes and contents, evidence included, one after the other in one processor
        final Extractor extractor = Extractor.create();
        final NormalizeProcessor processor = new NormalizeProcessor(extractor::extract);
        for (int version = 1; version <= 4; version++) {
            final WireReport report = WireReport.newBuilder(Fixtures.report("urn:test:" + version, 1, PubStatus.USABLE))
                    .setBody(BODY.repeat(version))
                    .build();
            final ReportExtraction extraction = extractor.extract(report);
            assertThat(extraction.getIncidents()).isNotEmpty();

            // when normalize digests it
            final byte[] digest = processor.digest(extraction);

            // then it is the first 16 bytes of the SHA-256 of Avro's own single-object encoding, as digests were
            // always computed, so stored digests stay comparable
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(extraction.toByteBuffer());
            assertThat(digest).isEqualTo(Arrays.copyOf(sha.digest(), 16));
        }
    }
}
