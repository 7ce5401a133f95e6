package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.claim;
import static org.wirewatch.streams.Fixtures.extraction;
import static org.wirewatch.streams.Fixtures.figure;
import static org.wirewatch.streams.Fixtures.mention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;

class IncidentMergerTest {

    private static ReportExtraction member(
            final String uri, final String agency, final int killed, final SourceType source) {
        return extraction(
                uri,
                1,
                agency,
                List.of(mention(uri + "#1").killed(killed).build()),
                source == null
                        ? List.of()
                        : List.of(claim(uri + "#c1", uri + "#1", source.name(), source, ClaimKind.FIGURE, killed)));
    }

    @Test
    void shouldRankARegionNamedAsThePlaceBelowATown() {
        assertThat(IncidentMerger.precision(mention("a#1").regionOnly().build().getLocation()))
                .isLessThan(IncidentMerger.precision(mention("b#1").build().getLocation()));
    }

    @Test
    void shouldNeverSumFiguresWhenTwoReportsCountTheSameDeaths() {
        final Incident i =
                IncidentMerger.merge("inc", List.of(member("a", "AFP", 43, null), member("b", "Reuters", 43, null)));
        assertThat(i.getKilled().getBest()).isEqualTo(43);
        assertThat(i.getKilled().getLow()).isEqualTo(43);
        assertThat(i.getKilled().getHigh()).isEqualTo(43);
    }

    @Test
    void shouldSpanLowestAndHighestWhenFiguresConflict() {
        final Incident i = IncidentMerger.merge(
                "inc",
                List.of(
                        member("a", "AFP", 50, SourceType.UN_NGO),
                        member("b", "Reuters", 100, SourceType.LOCAL_OFFICIAL)));
        assertThat(i.getKilled().getLow()).isEqualTo(50);
        assertThat(i.getKilled().getHigh()).isEqualTo(100);
        assertThat(i.getKilled().getBest()).isEqualTo(50);
    }

    @Test
    void shouldPickLatestReportWhenSourcesAreEquallyAuthoritative() {
        final ReportExtraction early = member("a", "AFP", 10, null);
        final ReportExtraction late = ReportExtraction.newBuilder(member("b", "dpa", 22, null))
                .setPublishedAt(Instant.parse("2018-11-18T10:00:00Z"))
                .build();
        final Incident i = IncidentMerger.merge("inc", List.of(early, late));
        assertThat(i.getKilled().getBest()).isEqualTo(22);
        assertThat(i.getUpdatedAt()).isEqualTo(Instant.parse("2018-11-18T10:00:00Z"));
    }

    @Test
    void shouldPreferSpecificFigureWhenOtherIsVague() {
        final ReportExtraction vague = extraction(
                "a", 1, "AFP", mention("a#1").killed(figure(24, null, 100)).build());
        final ReportExtraction exact = member("b", "Reuters", 30, null);
        final Incident i = IncidentMerger.merge("inc", List.of(vague, exact));
        assertThat(i.getKilled().getBest()).isEqualTo(30);
        assertThat(i.getKilled().getLow()).isEqualTo(24);
        assertThat(i.getKilled().getHigh()).isEqualTo(100);
    }

    @Test
    void shouldGiveSameIncidentWhenMembersArriveInAnyOrder() {
        final List<ReportExtraction> ms = new ArrayList<>(List.of(
                member("a", "AFP", 5, SourceType.GOVERNMENT),
                member("b", "Reuters", 7, SourceType.MEDICAL),
                member("c", "dpa", 6, null)));
        final Incident first = IncidentMerger.merge("inc", ms);
        Collections.reverse(ms);
        assertThat(IncidentMerger.merge("inc", ms)).isEqualTo(first);
    }

    @Test
    void shouldCountDistinctAgenciesWhenGrading() {
        final Incident one =
                IncidentMerger.merge("inc", List.of(member("a", "AFP", 5, null), member("b", "afp", 5, null)));
        final Incident two =
                IncidentMerger.merge("inc", List.of(member("a", "AFP", 5, null), member("b", "Reuters", 5, null)));
        assertThat(one.getSourceCount()).isEqualTo(1);
        assertThat(one.getGrade()).isEqualTo(IncidentGrade.SINGLE_SOURCE);
        assertThat(two.getGrade()).isEqualTo(IncidentGrade.MULTIPLE_SOURCES);
    }

    @Test
    void shouldNotGradeConfirmedWhenBystanderConfirms() {
        final ReportExtraction m = extraction(
                "a",
                1,
                "AFP",
                List.of(mention("a#1").build()),
                List.of(claim(
                        "a#c1", "a#1", "Interior ministry", SourceType.GOVERNMENT, ClaimKind.CONFIRMATION, null)));
        assertThat(IncidentMerger.merge("inc", List.of(m)).getGrade()).isEqualTo(IncidentGrade.SINGLE_SOURCE);
    }
}
