package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.app.WirewatchCli;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.sink.AnalyticsStore;
import org.wirewatch.sink.AnalyticsTables;
import org.wirewatch.sink.ChangeBatch;
import org.wirewatch.sink.SinkConfig;

class ExportCommandTest {

    @TempDir
    Path dir;

    private void storeWith(final Incident... incidents) throws Exception {
        final SinkConfig config = new SinkConfig(
                SinkConfig.defaultUrl(dir),
                Optional.empty(),
                Optional.empty(),
                "g",
                Duration.ofMillis(100),
                Duration.ofSeconds(1));
        try (AnalyticsStore store = AnalyticsStore.open(config)) {
            final ChangeBatch batch = new ChangeBatch();
            long offset = 0;
            for (final Incident i : incidents) {
                batch.put(AnalyticsTables.INCIDENTS, i.getIncidentId(), i, 0, offset++);
            }
            store.apply("g", batch, Map.of());
        }
    }

    private static Incident strike(final String id, final LocalDate day, final int low, final int best) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(day)
                .setLocation(Location.newBuilder()
                        .setCountryCode("YE")
                        .setAdmin1Code("YE-SD")
                        .setAdmin1Name("Sa'dah")
                        .setPlace("Dahyan")
                        .setGeoPrecision(GeoPrecision.PLACE)
                        .setLatitude(17.1)
                        .setLongitude(43.6)
                        .build())
                .setKilled(CasualtyFigure.newBuilder()
                        .setLow(low)
                        .setBest(best)
                        .setHigh(best)
                        .build())
                .setSourceCount(1)
                .setGrade(IncidentGrade.SINGLE_SOURCE)
                .setFirstReportedAt(Instant.parse("2018-08-09T12:00:00Z"))
                .setUpdatedAt(Instant.parse("2018-08-09T12:00:00Z"))
                .build();
    }

    @Test
    void shouldWriteTheStoresIncidentsAsAcledCsvWhenAskedForAFile() throws Exception {
        // given
        storeWith(strike("inc-b", LocalDate.of(2018, 8, 9), 40, 51), strike("inc-a", LocalDate.of(2018, 8, 8), 2, 3));
        final Path out = dir.resolve("out/incidents.csv");
        final StringWriter err = new StringWriter();

        // when
        final int exit = WirewatchCli.commandLine()
                .setErr(new PrintWriter(err))
                .execute("export", "--data-dir", dir.toString(), "--format", "acled-csv", "--out", out.toString());

        // then
        assertThat(exit).isZero();
        final List<String> lines =
                List.of(Files.readString(out, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .startsWith("event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,");
        assertThat(lines.get(1))
                .startsWith("inc-a,2018-08-08,Explosions/Remote violence,Air/drone strike,,Yemen,Sa'dah,"
                        + "Dahyan,17.1,43.6,1,")
                .endsWith(",2");
        assertThat(lines.get(2)).startsWith("inc-b,2018-08-09,").endsWith(",40");
        assertThat(err.toString()).contains("Wrote 2 incidents");
    }

    @Test
    void shouldStartWithAByteOrderMarkOnlyWhenAskedForOneForExcel() throws Exception {
        // given
        storeWith(strike("inc-a", LocalDate.of(2018, 8, 8), 2, 3));
        final Path plain = dir.resolve("plain.csv");
        final Path excel = dir.resolve("excel.csv");

        // when
        final int exitPlain = WirewatchCli.commandLine()
                .setErr(new PrintWriter(new StringWriter()))
                .execute("export", "--data-dir", dir.toString(), "--out", plain.toString());
        final int exitExcel = WirewatchCli.commandLine()
                .setErr(new PrintWriter(new StringWriter()))
                .execute("export", "--data-dir", dir.toString(), "--out", excel.toString(), "--bom");

        // then
        assertThat(exitPlain).isZero();
        assertThat(exitExcel).isZero();
        final byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(Files.readAllBytes(plain)).startsWith("event_id_cnty,".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(excel)).startsWith(bom);
        assertThat(Files.readString(excel, StandardCharsets.UTF_8).substring(1))
                .isEqualTo(Files.readString(plain, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintJsonLinesWhenAskedForJsonl() throws Exception {
        // given
        storeWith(strike("inc-a", LocalDate.of(2018, 8, 8), 2, 3));
        final StringWriter out = new StringWriter();

        // when
        final int exit = WirewatchCli.commandLine()
                .setOut(new PrintWriter(out))
                .execute("export", "--data-dir", dir.toString(), "--format", "jsonl");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString().trim())
                .startsWith("{\"incidentId\":\"inc-a\"")
                .doesNotContain("\n");
    }

    @Test
    void shouldSayWhereTheStoreIsMissingWhenNothingWasStoredYet() {
        // given
        final StringWriter err = new StringWriter();

        // when
        final int exit = WirewatchCli.commandLine()
                .setErr(new PrintWriter(err))
                .execute("export", "--data-dir", dir.resolve("empty").toString());

        // then
        assertThat(exit).isEqualTo(WirewatchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("No analytics store at").contains("wirewatch run");
        assertThat(dir.resolve("empty/analytics.duckdb")).doesNotExist();
    }
}
