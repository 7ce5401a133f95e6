package org.wirewatch.streams;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;

/**
 * Every serde the topologies use, built once against one schema registry ({@code mock://scope} in tests). Keys
 * are plain UTF-8 strings on every topic.
 */
public record StreamSerdes(
        Serde<String> key,
        Serde<WireReport> report,
        Serde<ReportExtraction> extraction,
        Serde<Incident> incident,
        Serde<Claim> claim,
        Serde<CasualtyTally> tally) {

    /** Value serdes against the registry at {@code registryUrl}, with extra client settings (auth, TLS). */
    public static StreamSerdes forRegistry(final String registryUrl, final Map<String, ?> clientConfig) {
        return new StreamSerdes(
                Serdes.String(),
                AvroSerdes.of(WireReport.class, registryUrl, clientConfig, false),
                AvroSerdes.of(ReportExtraction.class, registryUrl, clientConfig, false),
                AvroSerdes.of(Incident.class, registryUrl, clientConfig, false),
                AvroSerdes.of(Claim.class, registryUrl, clientConfig, false),
                AvroSerdes.of(CasualtyTally.class, registryUrl, clientConfig, false));
    }
}
