package org.wirewatch.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;

class AvroJsonTest {

    private static ReportExtraction sample() {
        final IncidentMention m = IncidentMention.newBuilder()
                .setMentionId("urn:x#1")
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(LocalDate.of(2018, 11, 17))
                .setRecency(Recency.CURRENT)
                .setLocation(Location.newBuilder()
                        .setCountryCode("SY")
                        .setAdmin1Code("SY-DY")
                        .setPlace("Abu Husn")
                        .setGeoPrecision(GeoPrecision.PLACE)
                        .build())
                .setActor(Actor.newBuilder().setName("US-led coalition").build())
                .setKilled(CasualtyFigure.newBuilder()
                        .setLow(43)
                        .setBest(43)
                        .setHigh(43)
                        .build())
                .setChildrenKilled(17)
                .setEvidence(List.of(EvidenceSpan.newBuilder()
                        .setStart(8)
                        .setEnd(63)
                        .setText("strikes killed 43")
                        .build()))
                .build();
        return ReportExtraction.newBuilder()
                .setReportUri("urn:x")
                .setReportVersion(1)
                .setPublishedAt(Instant.parse("2018-11-17T16:00:00Z"))
                .setStatus(ExtractionStatus.EXTRACTED)
                .setIncidents(List.of(m))
                .build();
    }

    @Test
    void shouldWritePlainJsonWhenRecordHasUnionsDatesAndEnums() throws Exception {
        // when
        final JsonNode json = new ObjectMapper().readTree(AvroJson.toJson(sample()));

        // then: the shape eval/score.py reads, with no Avro union wrappers
        assertThat(json.get("reportVersion").intValue()).isEqualTo(1);
        assertThat(json.get("publishedAt").asText()).isEqualTo("2018-11-17T16:00:00Z");
        final JsonNode inc = json.get("incidents").get(0);
        assertThat(inc.get("eventDate").asText()).isEqualTo("2018-11-17");
        assertThat(inc.get("subEventType").asText()).isEqualTo("AIR_DRONE_STRIKE");
        assertThat(inc.get("killed").get("best").intValue()).isEqualTo(43);
        assertThat(inc.get("injured").isNull()).isTrue();
        assertThat(inc.get("location").get("admin1Code").asText()).isEqualTo("SY-DY");
        assertThat(inc.get("actor").get("name").asText()).isEqualTo("US-led coalition");
    }

    @Test
    void shouldReadBackTheSameRecordWhenRoundTripped() {
        final ReportExtraction in = sample();
        assertThat(AvroJson.fromJson(AvroJson.toJson(in), ReportExtraction.class))
                .isEqualTo(in);
    }

    @Test
    void shouldNameTheFieldWhenJsonHasTheWrongType() {
        final String bad = AvroJson.toJson(sample()).replace("\"reportVersion\":1", "\"reportVersion\":\"one\"");
        assertThatThrownBy(() -> AvroJson.fromJson(bad, ReportExtraction.class))
                .hasMessageContaining("$.reportVersion");
    }
}
