package org.wirewatch.streams.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;

/**
 * The analyst gold of a corpus turned into the extractions a perfect extractor would publish: what the
 * consolidation and tally semantics are measured on, independently of the extraction engine. Gold incident keys
 * are not carried over: the mention ids are positional, as the extractor's are, so clustering must find the
 * events two reports share on its own.
 */
public final class GoldExtractions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldExtractions() {}

    public static List<ReportExtraction> of(final Path folder) {
        final List<ReportExtraction> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (final Path f : files.sorted().toList()) {
                final String name = f.getFileName().toString();
                if (name.endsWith(".gold.json")) {
                    out.add(extraction(
                            JSON.readTree(f.toFile()),
                            JSON.readTree(folder.resolve(name.replace(".gold.json", ".json"))
                                    .toFile())));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static ReportExtraction extraction(final JsonNode gold, final JsonNode report) {
        final String uri = gold.path("uri").asText();
        final Map<String, String> mentionOfKey = new HashMap<>();
        final List<IncidentMention> mentions = new ArrayList<>();
        int n = 0;
        for (final JsonNode inc : gold.path("incidents")) {
            final String mentionId = uri + "#" + (++n);
            mentionOfKey.put(inc.path("key").asText(), mentionId);
            final List<String> places = new ArrayList<>();
            inc.path("place").forEach(p -> places.add(p.asText()));
            mentions.add(IncidentMention.newBuilder()
                    .setMentionId(mentionId)
                    .setEventType(
                            EventType.valueOf(symbol(inc.path("event_type").asText())))
                    .setSubEventType(SubEventType.valueOf(
                            symbol(inc.path("sub_event_type").asText())))
                    .setEventDate(LocalDate.parse(inc.path("date").asText()))
                    .setDateToleranceDays(inc.path("date_tolerance_days").asInt(0))
                    .setRecency(inc.path("new").asBoolean(true) ? Recency.CURRENT : Recency.BACKGROUND)
                    .setLocation(Location.newBuilder()
                            .setCountryCode(inc.path("country").asText())
                            .setAdmin1Code(text(inc.path("admin1")))
                            .setAdmin1Name(null)
                            .setPlace(places.isEmpty() ? null : places.get(0))
                            .setGeoPrecision(places.isEmpty() ? GeoPrecision.ADMIN1 : GeoPrecision.PLACE)
                            .setLatitude(null)
                            .setLongitude(null)
                            .build())
                    .setActor(
                            text(inc.path("actor")) == null
                                    ? null
                                    : Actor.newBuilder()
                                            .setName(inc.path("actor").asText())
                                            .setQualifier(null)
                                            .build())
                    .setKilled(range(inc.path("killed")))
                    .setInjured(range(inc.path("injured")))
                    .setCiviliansKilled(
                            inc.path("civilians_killed").isInt()
                                    ? inc.path("civilians_killed").asInt()
                                    : null)
                    .setChildrenKilled(
                            inc.path("children_killed").isInt()
                                    ? inc.path("children_killed").asInt()
                                    : null)
                    .setAbducted(null)
                    .setEvidence(List.of())
                    .build());
        }
        final List<Claim> claims = new ArrayList<>();
        int c = 0;
        for (final JsonNode claim : gold.path("claims")) {
            claims.add(Claim.newBuilder()
                    .setClaimId(uri + "#c" + (++c))
                    .setMentionId(mentionOfKey.get(claim.path("incident").asText(null)))
                    .setIncidentId(null)
                    .setReportUri(uri)
                    .setReportVersion(null)
                    .setAgency(null)
                    .setSource(ClaimSource.newBuilder()
                            .setName(claim.path("source").path(0).asText())
                            .setType(SourceType.OTHER)
                            .build())
                    .setSpeaker(null)
                    .setKind(ClaimKind.valueOf(claim.path("kind").asText().toUpperCase(Locale.ROOT)))
                    .setKilled(
                            claim.path("killed").isInt() ? claim.path("killed").asInt() : null)
                    .setInjured(
                            claim.path("injured").isInt()
                                    ? claim.path("injured").asInt()
                                    : null)
                    .setSuperseded(false)
                    .setEvidence(List.of())
                    .build());
        }
        return ReportExtraction.newBuilder()
                .setReportUri(uri)
                .setReportVersion(Integer.parseInt(gold.path("version").asText()))
                .setAgency(text(report.path("copyrightholder")))
                .setHeadline(text(report.path("headline")))
                .setPublishedAt(Instant.parse(report.path("firstcreated").asText()))
                .setLanguage("en")
                .setStatus(mentions.isEmpty() ? ExtractionStatus.NOT_RELEVANT : ExtractionStatus.EXTRACTED)
                .setIncidents(mentions)
                .setClaims(claims)
                .build();
    }

    /** "Explosions/Remote violence" to EXPLOSIONS_REMOTE_VIOLENCE. */
    static String symbol(final String label) {
        return label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static CasualtyFigure range(final JsonNode k) {
        if (!k.isObject()) {
            return null;
        }
        return CasualtyFigure.newBuilder()
                .setLow(k.path("min").asInt())
                .setBest(k.path("min").asInt())
                .setHigh(k.path("max").asInt())
                .setVague(false)
                .build();
    }

    private static String text(final JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
