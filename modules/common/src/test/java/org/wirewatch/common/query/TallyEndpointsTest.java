package org.wirewatch.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.TallyWindow;

class TallyEndpointsTest {

    @Test
    void shouldKeepTheNamesInstancesOfTheLastReleaseUseWhenForwarding() {
        // An instance of the previous release forwards with these names during a rolling upgrade.
        assertThat(TallyEndpoints.TALLIES_PATH).isEqualTo("/v1/tallies");
        assertThat(TallyEndpoints.REGIONS_PATH).isEqualTo("/v1/tally-regions");
        assertThat(TallyEndpoints.FORWARDED_HEADER).isEqualTo("X-Wirewatch-Forwarded");
        assertThat(TallyEndpoints.TALLIES_FIELD).isEqualTo("tallies");
        assertThat(TallyEndpoints.REGIONS_FIELD).isEqualTo("regions");
    }

    @Test
    void shouldAskForRegionWindowAndDaysWhenForwardingATallyQuestion() {
        // when
        final String path =
                TallyEndpoints.tallies("SY-DY", TallyWindow.P7D, LocalDate.of(2018, 11, 1), LocalDate.of(2018, 11, 17));

        // then
        assertThat(path).isEqualTo("/v1/tallies?region=SY-DY&window=P7D&from=2018-11-01&to=2018-11-17");
    }

    @Test
    void shouldEncodeTheRegionWhenItCarriesCharactersAQueryCannotHold() {
        assertThat(TallyEndpoints.tallies(
                        "A&B C", TallyWindow.P1D, LocalDate.of(2018, 11, 1), LocalDate.of(2018, 11, 1)))
                .startsWith("/v1/tallies?region=A%26B+C&window=P1D&");
    }
}
