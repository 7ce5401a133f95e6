package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

class TallyKeyTest {

    private static final LocalDate START = LocalDate.of(2018, 11, 11);

    @Test
    void shouldWriteRegionWindowAndFirstDayWhenFormatted() {
        // when
        final String key = TallyKey.format("SY-DY", TallyWindow.P7D, START);

        // then
        assertThat(key).isEqualTo("SY-DY|P7D|2018-11-11");
    }

    @Test
    void shouldGiveTheSameKeyWhenTakenFromATally() {
        // given
        final CasualtyFigure zero =
                CasualtyFigure.newBuilder().setLow(0).setBest(0).setHigh(0).build();
        final CasualtyTally tally = CasualtyTally.newBuilder()
                .setRegionCode("SY")
                .setRegionLevel(RegionLevel.COUNTRY)
                .setWindow(TallyWindow.P30D)
                .setWindowStart(START)
                .setWindowEnd(START.plusDays(29))
                .setIncidents(1)
                .setKilled(zero)
                .setInjured(zero)
                .setUpdatedAt(java.time.Instant.EPOCH)
                .build();

        // when
        final String key = TallyKey.of(tally);

        // then
        assertThat(key).isEqualTo("SY|P30D|2018-11-11");
    }

    @Test
    void shouldReadBackEveryPartWhenAFormattedKeyIsParsed() {
        // when
        final TallyKey key = TallyKey.parse("SY-DY|P1D|2018-11-17").orElseThrow();

        // then
        assertThat(key).isEqualTo(new TallyKey("SY-DY", TallyWindow.P1D, LocalDate.of(2018, 11, 17)));
        assertThat(key.toString()).isEqualTo("SY-DY|P1D|2018-11-17");
    }

    @Test
    void shouldParseNothingWhenTheKeyIsNotATallyKey() {
        // then: a region-day key, an unknown window, a bad day, extra parts, no region, null
        assertThat(TallyKey.parse("SY|2018-11-17")).isEmpty();
        assertThat(TallyKey.parse("SY|P2D|2018-11-17")).isEmpty();
        assertThat(TallyKey.parse("SY|P1D|2018-11-31")).isEmpty();
        assertThat(TallyKey.parse("SY|P1D|2018-11-17|inc-1")).isEmpty();
        assertThat(TallyKey.parse("|P1D|2018-11-17")).isEmpty();
        assertThat(TallyKey.parse(null)).isEmpty();
    }

    @Test
    void shouldFindTheRegionWhenTheKeyIsAnyRegionPartitionedKey() {
        // then: a window key, a region-day key, a region alone
        assertThat(TallyKey.regionOf("SY-DY|P7D|2018-11-11")).isEqualTo("SY-DY");
        assertThat(TallyKey.regionOf("SY|2018-11-17")).isEqualTo("SY");
        assertThat(TallyKey.regionOf("UA-14")).isEqualTo("UA-14");
    }

    @Test
    void shouldRefuseARegionWhenItHoldsTheSeparator() {
        // then
        assertThatThrownBy(() -> TallyKey.format("SY|DY", TallyWindow.P1D, START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SY|DY");
    }
}
