package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.TallyWindow;

class FeedViewTest {

    private static final LocalDate DAY = LocalDate.of(2018, 11, 17);
    private final FeedView view = new FeedView();

    @Test
    void shouldMoveAClaimBetweenIncidentsWhenItsIncidentChanges() {
        // given a claim first attributed to one incident
        view.apply(
                FeedEventType.CLAIM,
                "c1",
                TestRecords.claim("c1", "a", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, 43));

        // when consolidation re-attributes it
        final Claim moved = Claim.newBuilder(
                        TestRecords.claim("c1", "b", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, 43))
                .build();
        final Object previous = view.apply(FeedEventType.CLAIM, "c1", moved);

        // then it is listed under the new incident only
        assertThat(previous).isNotNull();
        assertThat(view.claimsOf("a")).isEmpty();
        assertThat(view.claimsOf("b")).extracting(Claim::getClaimId).containsExactly("c1");
    }

    @Test
    void shouldForgetARecordWhenItsTombstoneArrives() {
        view.apply(FeedEventType.INCIDENT, "a", TestRecords.incident("a", "SY", "SY-DY", "Abu Husn", DAY, 43));
        view.apply(
                FeedEventType.CLAIM,
                "c1",
                TestRecords.claim("c1", "a", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, 43));
        final CasualtyTally t = TestRecords.tally("SY-DY", TallyWindow.P7D, DAY, 43);
        view.apply(FeedEventType.TALLY, TestRecords.tallyKey(t), t);

        view.apply(FeedEventType.INCIDENT, "a", null);
        view.apply(FeedEventType.CLAIM, "c1", null);
        view.apply(FeedEventType.TALLY, TestRecords.tallyKey(t), null);

        assertThat(view.incident("a")).isEmpty();
        assertThat(view.claimsOf("a")).isEmpty();
        assertThat(view.tally("SY-DY", TallyWindow.P7D, DAY)).isEmpty();
        assertThat(view.incidentCount() + view.claimCount() + view.tallyCount()).isZero();
    }

    @Test
    void shouldFindTalliesByWindowEndWhenQueriedLikeTheStores() {
        for (int i = 0; i < 3; i++) {
            final CasualtyTally t = TestRecords.tally("SY-DY", TallyWindow.P7D, DAY.plusDays(i), 10 + i);
            view.apply(FeedEventType.TALLY, TestRecords.tallyKey(t), t);
        }
        assertThat(view.tally("SY-DY", TallyWindow.P7D, DAY.plusDays(1))
                        .orElseThrow()
                        .getKilled()
                        .getBest())
                .isEqualTo(11);
        assertThat(view.tallies("SY-DY", TallyWindow.P7D, DAY.plusDays(1), DAY.plusDays(5)))
                .extracting(CasualtyTally::getWindowEnd)
                .containsExactly(DAY.plusDays(1), DAY.plusDays(2));
        assertThat(view.regions()).containsExactly("SY-DY");
        assertThat(view.regionName("SY")).isEqualTo("Syria");
        assertThat(view.latestEventDate()).contains(DAY.plusDays(2));
    }

    @Test
    void shouldSumUnpublishedWindowsFromTheDaysWhenOnlyTheTrailingOnesAreOnTheTopic() {
        // given three days and, as the tally topology publishes them, the week ending on the latest day
        for (final int i : new int[] {0, 3, 9}) {
            final CasualtyTally d = TestRecords.tally("SY-DY", TallyWindow.P1D, DAY.plusDays(i), 10 + i);
            view.apply(FeedEventType.TALLY, TestRecords.tallyKey(d), d);
        }
        final CasualtyTally trailing = TestRecords.tally("SY-DY", TallyWindow.P7D, DAY.plusDays(9), 19);
        view.apply(FeedEventType.TALLY, TestRecords.tallyKey(trailing), trailing);
        // then a week ending earlier is the sum of its days
        final CasualtyTally week =
                view.tally("SY-DY", TallyWindow.P7D, DAY.plusDays(5)).orElseThrow();
        assertThat(week.getKilled().getBest()).isEqualTo(23);
        assertThat(week.getIncidents()).isEqualTo(2);
        assertThat(week.getWindowStart()).isEqualTo(DAY.minusDays(1));
        assertThat(view.tally("SY-DY", TallyWindow.P30D, DAY.plusDays(9))
                        .orElseThrow()
                        .getKilled()
                        .getBest())
                .isEqualTo(42);
        // and every week holding a day is listed, the published one as published, none past the last day's reach
        assertThat(view.tallies("SY-DY", TallyWindow.P7D, null, null))
                .hasSize(16)
                .extracting(CasualtyTally::getWindowEnd)
                .startsWith(DAY)
                .endsWith(DAY.plusDays(15));
        assertThat(view.tally("SY-DY", TallyWindow.P7D, DAY.plusDays(9))).contains(trailing);
        assertThat(view.tallies("SY-DY", TallyWindow.P7D, DAY.plusDays(16), null))
                .isEmpty();
    }
}
