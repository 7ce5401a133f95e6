package org.wirewatch.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.Location;
import org.wirewatch.sink.AnalyticsStore;
import org.wirewatch.sink.AnalyticsTables;
import org.wirewatch.sink.ChangeBatch;
import org.wirewatch.sink.Fixtures;
import org.wirewatch.sink.SinkConfig;

class IncidentExportTest {

    private AnalyticsStore store;

    @BeforeEach
    void open() throws Exception {
        final String url = SinkConfig.defaultUrl(Files.createTempDirectory("export"));
        store = AnalyticsStore.open(new SinkConfig(
                url, Optional.empty(), Optional.empty(), "g", Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void put(final Incident... incidents) throws Exception {
        final ChangeBatch batch = new ChangeBatch();
        long offset = 0;
        for (final Incident i : incidents) {
            batch.put(AnalyticsTables.INCIDENTS, i.getIncidentId(), i, 0, offset++);
        }
        store.apply("g", batch, Map.of());
    }

    @Test
    void shouldWriteAcledColumnsAndLabelsWhenExportingCsv() throws Exception {
        // given
        final Incident strike = Fixtures.incident("inc-abu-husn", 43);
        strike.getKilled().setLow(40);
        final List<EvidenceSpan> evidence = new ArrayList<>(List.of(EvidenceSpan.newBuilder()
                .setStart(0)
                .setEnd(32)
                .setText("Coalition strikes kill 43 in\nSyria")
                .build()));
        evidence.addAll(strike.getEvidence());
        strike.setEvidence(evidence);
        put(strike);
        final StringWriter out = new StringWriter();

        // when
        final int n;
        try (Connection c = store.openReader()) {
            n = IncidentExport.write(IncidentExport.fromStore(c), IncidentExport.Format.parse("acled-csv"), out);
        }

        // then
        assertThat(n).isEqualTo(1);
        final String[] lines = out.toString().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,"
                        + "location,latitude,longitude,geo_precision,source,notes,fatalities");
        assertThat(lines[1])
                .startsWith("inc-abu-husn,2018-11-17,Explosions/Remote violence,Air/drone strike,"
                        + "US-led coalition,Syria,Deir ez-Zor,Abu Husn,,,2,AFP; Reuters,\"Coalition strikes kill 43 in Syria"
                        + " | US-led coalition air strikes Saturday killed"
                        + " 43 people, \"\"mostly civilians\"\" [killed low/best/high: 40/43/45; contested]\",40");
        assertThat(lines).hasSize(2);
    }

    @Test
    void shouldCodePreciseCoordinatesAsOneAndRegionsAsThreeWhenPrecisionDiffers() throws Exception {
        // given
        final Incident located = Fixtures.incident("inc-1", 5);
        located.setLocation(Location.newBuilder(located.getLocation())
                .setLatitude(34.8)
                .setLongitude(40.1)
                .build());
        final Incident regional = Fixtures.incident("inc-2", 5);
        regional.setLocation(Location.newBuilder(regional.getLocation())
                .setPlace(null)
                .setGeoPrecision(GeoPrecision.ADMIN1)
                .build());
        regional.setKilled(null);
        put(located, regional);
        final StringWriter out = new StringWriter();

        // when
        try (Connection c = store.openReader()) {
            IncidentExport.write(IncidentExport.fromStore(c), IncidentExport.Format.ACLED_CSV, out);
        }

        // then
        final String[] lines = out.toString().split("\r\n");
        assertThat(lines[1]).contains(",Abu Husn,34.8,40.1,1,");
        assertThat(lines[2]).contains(",Deir ez-Zor,,,,3,").endsWith(",0");
    }

    @Test
    void shouldWriteOneJsonDocumentPerLineWhenExportingJsonl() throws Exception {
        // given
        put(Fixtures.incident("inc-a", 10), Fixtures.incident("inc-b", 12));
        final StringWriter out = new StringWriter();

        // when
        try (Connection c = store.openReader()) {
            IncidentExport.write(IncidentExport.fromStore(c), IncidentExport.Format.JSONL, out);
        }

        // then
        final String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        final var mapper = new ObjectMapper();
        assertThat(mapper.readTree(lines[0]).path("incidentId").asText()).isEqualTo("inc-a");
        assertThat(mapper.readTree(lines[1]).path("killed").path("best").asInt())
                .isEqualTo(12);
    }
}
