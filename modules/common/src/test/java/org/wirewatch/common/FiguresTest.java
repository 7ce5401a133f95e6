package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyFigure;

class FiguresTest {

    @Test
    void shouldTakeEachBoundItselfWhenAllAreStated() {
        final CasualtyFigure f = figure(10, 12, 15);
        assertThat(Figures.low(f)).isEqualTo(10);
        assertThat(Figures.best(f)).isEqualTo(12);
        assertThat(Figures.high(f)).isEqualTo(15);
    }

    @Test
    void shouldFallBackToTheNearestStatedNumberWhenABoundIsMissing() {
        // "at least 12"
        assertThat(Figures.best(figure(12, null, null))).isEqualTo(12);
        assertThat(Figures.high(figure(12, null, null))).isEqualTo(12);
        // "up to 40"
        assertThat(Figures.best(figure(null, null, 40))).isEqualTo(40);
        assertThat(Figures.low(figure(null, null, 40))).isEqualTo(40);
        // best before the other bound
        assertThat(Figures.low(figure(null, 20, 40))).isEqualTo(20);
        assertThat(Figures.high(figure(10, 20, null))).isEqualTo(20);
        assertThat(Figures.best(figure(10, null, 40))).isEqualTo(10);
    }

    @Test
    void shouldGiveNoNumberWhenTheFigureIsVagueOrAbsent() {
        final CasualtyFigure dozens = CasualtyFigure.newBuilder().setVague(true).build();
        assertThat(Figures.best(dozens)).isNull();
        assertThat(Figures.low(dozens)).isNull();
        assertThat(Figures.high(dozens)).isNull();
        assertThat(Figures.best(null)).isNull();
    }

    private static CasualtyFigure figure(final Integer low, final Integer best, final Integer high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .build();
    }
}
