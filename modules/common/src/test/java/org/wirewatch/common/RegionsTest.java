package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.RegionLevel;

class RegionsTest {

    @Test
    void shouldTellCountryFromFirstLevelRegionByTheDash() {
        assertThat(Regions.level("SY")).isEqualTo(RegionLevel.COUNTRY);
        assertThat(Regions.level("SY-DY")).isEqualTo(RegionLevel.ADMIN1);
        assertThat(Regions.level("GB-ENG")).isEqualTo(RegionLevel.ADMIN1);
        // a leading dash is no country followed by a region
        assertThat(Regions.level("-DY")).isEqualTo(RegionLevel.COUNTRY);
    }

    @Test
    void shouldGiveTheCountryBeforeTheDashWhenCodeIsARegion() {
        assertThat(Regions.countryOf("SY-DY")).isEqualTo("SY");
        assertThat(Regions.countryOf("SY")).isEqualTo("SY");
    }

    @Test
    void shouldAcceptOnlyUpperCaseCountryOrRegionCodesWhenAsked() {
        assertThat(Regions.isCode("SY")).isTrue();
        assertThat(Regions.isCode("SY-DY")).isTrue();
        assertThat(Regions.isCode("GB-ENG")).isTrue();
        assertThat(Regions.isCode("sy")).isFalse();
        assertThat(Regions.isCode("SYR")).isFalse();
        assertThat(Regions.isCode("SY-DYXX")).isFalse();
        assertThat(Regions.isCode("SY|P1D")).isFalse();
        assertThat(Regions.isCode(null)).isFalse();
    }

    @Test
    void shouldGiveUpperCaseCodesOfBothLevelsWhenLocationHasThem() {
        // given
        final Location loc = location(" sy ", "sy-dy");

        // then
        assertThat(Regions.of(loc, RegionLevel.COUNTRY)).isEqualTo("SY");
        assertThat(Regions.of(loc, RegionLevel.ADMIN1)).isEqualTo("SY-DY");
    }

    @Test
    void shouldGiveNoRegionWhenCodeIsMissingOrMalformedAtThatLevel() {
        assertThat(Regions.of(location(null, null), RegionLevel.COUNTRY)).isNull();
        assertThat(Regions.of(location("  ", null), RegionLevel.COUNTRY)).isNull();
        assertThat(Regions.of(location("Syria", null), RegionLevel.COUNTRY)).isNull();
        assertThat(Regions.of(location("SY", null), RegionLevel.ADMIN1)).isNull();
        // a region code without its country is not a region
        assertThat(Regions.of(location("SY", "DY"), RegionLevel.ADMIN1)).isNull();
        assertThat(Regions.of(location("SY", "-DY"), RegionLevel.ADMIN1)).isNull();
        // the tally key's separator would split the key
        assertThat(Regions.of(location("SY", "SY-D|Y"), RegionLevel.ADMIN1)).isNull();
    }

    private static Location location(final String country, final String admin1) {
        return Location.newBuilder()
                .setCountryCode(country)
                .setAdmin1Code(admin1)
                .build();
    }
}
