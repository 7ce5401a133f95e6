package org.wirewatch.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.figure;
import static org.wirewatch.streams.Fixtures.incident;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.TallyWindow;

class TallyMathTest {

    private final String key = TallyKeys.day("SY", DAY);

    @Test
    void shouldReturnToNothingWhenAddedIncidentIsSubtracted() {
        final Incident a = incident("a", "SY", "SY-DY", DAY, 43);
        final Incident b = incident("b", "SY", "SY-DY", DAY, 7);
        final CasualtyTally both = TallyMath.plus(TallyMath.delta(key, a, 1), TallyMath.delta(key, b, 1));
        final CasualtyTally onlyB = TallyMath.plus(both, TallyMath.delta(key, a, -1));
        assertThat(onlyB.getKilled().getBest()).isEqualTo(7);
        assertThat(onlyB.getIncidents()).isEqualTo(1);
        final CasualtyTally none = TallyMath.plus(onlyB, TallyMath.delta(key, b, -1));
        assertThat(none.getIncidents()).isZero();
        assertThat(TallyMath.changesNothing(TallyMath.plus(TallyMath.delta(key, a, 1), TallyMath.delta(key, a, -1))))
                .isTrue();
    }

    @Test
    void shouldGiveTheSameDayWhateverOrderDeltasArriveIn() {
        final CasualtyTally a = TallyMath.delta(
                key,
                Incident.newBuilder(incident("a", "SY", null, DAY, 3))
                        .setUpdatedAt(Instant.parse("2018-11-18T10:00:00Z"))
                        .build(),
                1);
        final CasualtyTally b = TallyMath.delta(
                key,
                Incident.newBuilder(incident("b", "SY", null, DAY, 9))
                        .setUpdatedAt(Instant.parse("2018-11-19T10:00:00Z"))
                        .build(),
                1);
        final CasualtyTally gone = TallyMath.delta(key, incident("a", "SY", null, DAY, 3), -1);
        final CasualtyTally one = TallyMath.plus(TallyMath.plus(a, b), gone);
        final CasualtyTally other = TallyMath.plus(TallyMath.plus(gone, b), a);
        assertThat(one).isEqualTo(other);
        assertThat(one.getKilled().getBest()).isEqualTo(9);
        assertThat(one.getUpdatedAt()).isEqualTo(Instant.parse("2018-11-19T10:00:00Z"));
    }

    @Test
    void shouldCountIncidentButNoDeathForVagueFigureWithoutNumber() {
        final Incident vague = Incident.newBuilder(incident("v", "SY", null, DAY, 0))
                .setKilled(figure(null, null, null))
                .build();
        final CasualtyTally t = TallyMath.delta(key, vague, 1);
        assertThat(t.getIncidents()).isEqualTo(1);
        assertThat(t.getKilled().getBest()).isZero();
        assertThat(TallyMath.changesNothing(t)).isFalse();
    }

    @Test
    void shouldUseLowAsBestWhenOnlyRangeIsKnown() {
        final Incident range = Incident.newBuilder(incident("r", "SY", null, DAY, 0))
                .setKilled(figure(23, null, 37))
                .build();
        final CasualtyTally t = TallyMath.delta(key, range, 1);
        assertThat(t.getKilled().getLow()).isEqualTo(23);
        assertThat(t.getKilled().getBest()).isEqualTo(23);
        assertThat(t.getKilled().getHigh()).isEqualTo(37);
    }

    @Test
    void shouldSumDaysWhenBuildingWindow() {
        final CasualtyTally d1 = TallyMath.delta(key, incident("a", "SY", null, DAY, 3), 1);
        final CasualtyTally d2 =
                TallyMath.delta(TallyKeys.day("SY", DAY.plusDays(2)), incident("b", "SY", null, DAY.plusDays(2), 4), 1);
        final CasualtyTally w = TallyMath.window("SY", TallyWindow.P7D, DAY, List.of(d1, d2));
        assertThat(w.getKilled().getBest()).isEqualTo(7);
        assertThat(w.getIncidents()).isEqualTo(2);
        assertThat(w.getWindowEnd()).isEqualTo(DAY.plusDays(6));
        assertThat(TallyMath.window("SY", TallyWindow.P7D, DAY, List.of())).isNull();
    }
}
