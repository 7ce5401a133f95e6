package org.wirewatch.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.generic.IndexedRecord;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;

/**
 * The relational form of the sink topics. Nested records are flattened into columns analysts can filter on
 * ({@code killed_best}, {@code admin1_code}); lists keep their plain JSON ({@code mentions}, {@code evidence}), and
 * {@code record} holds the whole value in its plain JSON ({@code docs/architecture.md#json}) so nothing is lost in
 * flattening.
 *
 * <ul>
 *   <li>{@code incidents} (key {@code incident_id}) from {@value Topics#INCIDENTS}</li>
 *   <li>{@code claims} (key {@code claim_id}) from {@value Topics#CLAIMS}</li>
 *   <li>{@code tallies} (key {@code tally_key} = region|window|start) from {@value Topics#TALLIES}</li>
 * </ul>
 */
public final class AnalyticsTables {

    /** Separator of agencies in {@code incidents.agencies}, as ACLED's source column writes them. */
    public static final String AGENCY_SEPARATOR = "; ";

    public static final Table<Incident> INCIDENTS = new Table<>(
            "incidents",
            Topics.INCIDENTS,
            "incident_id",
            List.of(
                    text("event_type", i -> i.getEventType()),
                    text("sub_event_type", i -> i.getSubEventType()),
                    new Column<>("event_date", Column.Type.DATE, Incident::getEventDate),
                    text("country_code", i -> loc(i).getCountryCode()),
                    text("admin1_code", i -> loc(i).getAdmin1Code()),
                    text("admin1_name", i -> loc(i).getAdmin1Name()),
                    text("place", i -> loc(i).getPlace()),
                    text("geo_precision", i -> loc(i).getGeoPrecision()),
                    new Column<>("latitude", Column.Type.DOUBLE, i -> loc(i).getLatitude()),
                    new Column<>("longitude", Column.Type.DOUBLE, i -> loc(i).getLongitude()),
                    text(
                            "actor_name",
                            i -> i.getActor() == null ? null : i.getActor().getName()),
                    text(
                            "actor_qualifier",
                            i -> i.getActor() == null ? null : i.getActor().getQualifier()),
                    figure("killed_low", Incident::getKilled, CasualtyFigure::getLow),
                    figure("killed_best", Incident::getKilled, CasualtyFigure::getBest),
                    figure("killed_high", Incident::getKilled, CasualtyFigure::getHigh),
                    new Column<>(
                            "killed_vague",
                            Column.Type.BOOLEAN,
                            i -> i.getKilled() == null ? null : i.getKilled().getVague()),
                    figure("injured_low", Incident::getInjured, CasualtyFigure::getLow),
                    figure("injured_best", Incident::getInjured, CasualtyFigure::getBest),
                    figure("injured_high", Incident::getInjured, CasualtyFigure::getHigh),
                    new Column<>("civilians_killed", Column.Type.INT, Incident::getCiviliansKilled),
                    new Column<>("children_killed", Column.Type.INT, Incident::getChildrenKilled),
                    new Column<>("source_count", Column.Type.INT, Incident::getSourceCount),
                    text("grade", Incident::getGrade),
                    text("agencies", i -> agencies(i.getMentions())),
                    json("mentions", Incident::getMentions),
                    json("evidence", Incident::getEvidence),
                    new Column<>("first_reported_at", Column.Type.TIMESTAMP, Incident::getFirstReportedAt),
                    new Column<>("updated_at", Column.Type.TIMESTAMP, Incident::getUpdatedAt),
                    new Column<>("record", Column.Type.JSON, AvroJson::toJson)));

    public static final Table<Claim> CLAIMS = new Table<>(
            "claims",
            Topics.CLAIMS,
            "claim_id",
            List.of(
                    text("incident_id", Claim::getIncidentId),
                    text("mention_id", Claim::getMentionId),
                    text("report_uri", Claim::getReportUri),
                    new Column<>("report_version", Column.Type.INT, Claim::getReportVersion),
                    text("agency", Claim::getAgency),
                    text("source_name", c -> c.getSource().getName()),
                    text("source_type", c -> c.getSource().getType()),
                    text("speaker", Claim::getSpeaker),
                    text("kind", Claim::getKind),
                    new Column<>("killed", Column.Type.INT, Claim::getKilled),
                    new Column<>("injured", Column.Type.INT, Claim::getInjured),
                    new Column<>("superseded", Column.Type.BOOLEAN, Claim::getSuperseded),
                    json("evidence", Claim::getEvidence),
                    new Column<>("record", Column.Type.JSON, AvroJson::toJson)));

    public static final Table<CasualtyTally> TALLIES = new Table<>(
            "tallies",
            Topics.TALLIES,
            "tally_key",
            List.of(
                    text("region_code", CasualtyTally::getRegionCode),
                    text("region_level", CasualtyTally::getRegionLevel),
                    text("region_name", CasualtyTally::getRegionName),
                    text("tally_window", CasualtyTally::getWindow),
                    new Column<>("window_start", Column.Type.DATE, CasualtyTally::getWindowStart),
                    new Column<>("window_end", Column.Type.DATE, CasualtyTally::getWindowEnd),
                    new Column<>("incidents", Column.Type.INT, CasualtyTally::getIncidents),
                    figure("killed_low", CasualtyTally::getKilled, CasualtyFigure::getLow),
                    figure("killed_best", CasualtyTally::getKilled, CasualtyFigure::getBest),
                    figure("killed_high", CasualtyTally::getKilled, CasualtyFigure::getHigh),
                    figure("injured_low", CasualtyTally::getInjured, CasualtyFigure::getLow),
                    figure("injured_best", CasualtyTally::getInjured, CasualtyFigure::getBest),
                    figure("injured_high", CasualtyTally::getInjured, CasualtyFigure::getHigh),
                    new Column<>("civilians_killed", Column.Type.INT, CasualtyTally::getCiviliansKilled),
                    new Column<>("children_killed", Column.Type.INT, CasualtyTally::getChildrenKilled),
                    new Column<>("updated_at", Column.Type.TIMESTAMP, CasualtyTally::getUpdatedAt)));

    /** Every table, in the order they are created. */
    public static final List<Table<?>> ALL = List.of(INCIDENTS, CLAIMS, TALLIES);

    private AnalyticsTables() {}

    /** The table fed by a topic. */
    public static Table<?> forTopic(final String topic) {
        return ALL.stream()
                .filter(t -> t.topic().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no analytics table for topic " + topic));
    }

    /** Distinct agencies of the mentions, in mention order. */
    public static String agencies(final List<MentionRef> mentions) {
        final Set<String> names = new LinkedHashSet<>();
        for (final MentionRef m : mentions) {
            if (m.getAgency() != null && !m.getAgency().isBlank()) {
                names.add(m.getAgency().trim());
            }
        }
        return names.isEmpty() ? null : String.join(AGENCY_SEPARATOR, names);
    }

    private static Location loc(final Incident i) {
        return i.getLocation() == null ? new Location() : i.getLocation();
    }

    private static <T> Column<T> text(final String name, final Function<T, Object> f) {
        return new Column<>(name, Column.Type.TEXT, v -> {
            final Object o = f.apply(v);
            return o == null ? null : o.toString();
        });
    }

    private static <T> Column<T> figure(
            final String name, final Function<T, CasualtyFigure> figure, final Function<CasualtyFigure, Integer> part) {
        return new Column<>(name, Column.Type.INT, v -> {
            final CasualtyFigure f = figure.apply(v);
            return f == null ? null : part.apply(f);
        });
    }

    private static <T> Column<T> json(final String name, final Function<T, Collection<? extends IndexedRecord>> f) {
        return new Column<>(name, Column.Type.JSON, v -> {
            final ArrayNode a = JsonNodeFactory.instance.arrayNode();
            Objects.requireNonNullElse(f.apply(v), List.<IndexedRecord>of())
                    .forEach(r -> a.add(AvroJson.toJsonNode(r)));
            return a.toString();
        });
    }
}
