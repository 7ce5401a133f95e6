package org.wirewatch.sink.export;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.Location;
import org.wirewatch.sink.AnalyticsTables;

/**
 * Writes current incidents for analysts' existing tools.
 *
 * <p>{@link Format#ACLED_CSV}: ACLED's column names and labels, one incident per row, RFC 4180. {@code fatalities}
 * is the conservative figure ({@code killed.low}, 0 when no figure was reported), as ACLED codes fatalities;
 * {@code source} lists the agencies; {@code notes} holds the evidence sentences the figure came from (separated by
 * {@code " | "}) and the figure range with the source grade, so a reader sees why a number was coded. {@code event_id_cnty} is the
 * incident id, which the feed's {@code /v1/incidents/{id}} also answers.
 *
 * <p>{@link Format#JSONL}: one incident per line in the plain JSON of {@code docs/architecture.md#json}.
 */
public final class IncidentExport {

    /** The export formats. */
    public enum Format {
        ACLED_CSV,
        JSONL;

        /** Parses {@code acled-csv} or {@code jsonl}. */
        public static Format parse(final String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** ACLED's column names, in ACLED's order. */
    public static final List<String> ACLED_COLUMNS = List.of(
            "event_id_cnty",
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities");

    /** Export order: by event day, then id, so two exports of the same state are byte-identical. */
    public static final Comparator<Incident> ORDER =
            Comparator.comparing(Incident::getEventDate).thenComparing(Incident::getIncidentId);

    private IncidentExport() {}

    /** The incidents of the analytics store, in export order. */
    public static List<Incident> fromStore(final Connection db) throws SQLException {
        final List<Incident> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT CAST(record AS VARCHAR) FROM incidents ORDER BY event_date, incident_id")) {
            while (rs.next()) {
                out.add(AvroJson.fromJson(rs.getString(1), Incident.class));
            }
        }
        return out;
    }

    /** Writes incidents in a format; returns the number written. */
    public static int write(final List<Incident> incidents, final Format format, final Writer out) throws IOException {
        final List<Incident> sorted = incidents.stream().sorted(ORDER).toList();
        if (format == Format.ACLED_CSV) {
            final Csv csv = new Csv(out);
            csv.row(ACLED_COLUMNS);
            for (final Incident i : sorted) {
                csv.row(acledRow(i));
            }
        } else {
            for (final Incident i : sorted) {
                out.write(AvroJson.toJson(i));
                out.write('\n');
            }
        }
        out.flush();
        return sorted.size();
    }

    /** One ACLED row. */
    static List<Object> acledRow(final Incident i) {
        final Location loc = i.getLocation() == null ? new Location() : i.getLocation();
        final boolean located = loc.getLatitude() != null && loc.getLongitude() != null;
        final CasualtyFigure k = i.getKilled();
        final List<Object> row = new ArrayList<>(ACLED_COLUMNS.size());
        row.add(i.getIncidentId());
        row.add(i.getEventDate());
        row.add(AcledLabels.eventType(i.getEventType()));
        row.add(AcledLabels.subEventType(i.getSubEventType()));
        row.add(i.getActor() == null ? null : i.getActor().getName());
        row.add(AcledLabels.countryName(loc.getCountryCode()));
        row.add(loc.getAdmin1Name() != null ? loc.getAdmin1Name() : loc.getAdmin1Code());
        row.add(loc.getPlace());
        row.add(located ? loc.getLatitude() : null);
        row.add(located ? loc.getLongitude() : null);
        row.add(AcledLabels.geoPrecision(loc.getGeoPrecision(), located));
        row.add(AnalyticsTables.agencies(i.getMentions()));
        row.add(notes(i));
        row.add(k == null || k.getLow() == null ? 0 : k.getLow());
        return row;
    }

    static String notes(final Incident i) {
        final StringBuilder b = new StringBuilder();
        for (final EvidenceSpan span : i.getEvidence()) {
            final String text = span.getText().strip().replaceAll("\\s+", " ");
            if (!text.isEmpty() && b.indexOf(text) < 0) {
                if (b.length() > 0) {
                    // Spans are often a headline and a sentence of the body: without a mark they would read as one
                    // sentence.
                    b.append(" | ");
                }
                b.append(text);
            }
        }
        final CasualtyFigure k = i.getKilled();
        if (k != null && (k.getLow() != null || k.getBest() != null || k.getHigh() != null)) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("[killed low/best/high: ")
                    .append(orDash(k.getLow()))
                    .append('/')
                    .append(orDash(k.getBest()))
                    .append('/')
                    .append(orDash(k.getHigh()));
            if (i.getGrade() != null) {
                b.append("; ")
                        .append(i.getGrade().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            b.append(']');
        }
        return b.toString();
    }

    private static String orDash(final Integer i) {
        return i == null ? "-" : i.toString();
    }
}
