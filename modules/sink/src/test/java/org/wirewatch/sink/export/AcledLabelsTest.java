package org.wirewatch.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.SubEventType;

class AcledLabelsTest {

    @Test
    void shouldLabelEveryTypeWhenExporting() {
        for (final EventType t : EventType.values()) {
            assertThat(AcledLabels.eventType(t)).as(t.name()).isNotBlank();
        }
        for (final SubEventType t : SubEventType.values()) {
            assertThat(AcledLabels.subEventType(t)).as(t.name()).isNotBlank();
        }
    }

    @Test
    void shouldUseAcledSpellingWhenTypesHaveSlashes() {
        assertThat(AcledLabels.eventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)).isEqualTo("Explosions/Remote violence");
        assertThat(AcledLabels.subEventType(SubEventType.AIR_DRONE_STRIKE)).isEqualTo("Air/drone strike");
        assertThat(AcledLabels.subEventType(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK))
                .isEqualTo("Shelling/artillery/missile attack");
    }

    @Test
    void shouldNameCountriesInEnglishWhenGivenIsoCodes() {
        assertThat(AcledLabels.countryName("SY")).isEqualTo("Syria");
        assertThat(AcledLabels.countryName("ye")).isEqualTo("Yemen");
        assertThat(AcledLabels.countryName(null)).isNull();
    }

    @Test
    void shouldGradeGeoPrecisionOneToThreeWhenLocationsDiffer() {
        assertThat(AcledLabels.geoPrecision(GeoPrecision.PLACE, true)).isEqualTo(1);
        assertThat(AcledLabels.geoPrecision(GeoPrecision.PLACE, false)).isEqualTo(2);
        assertThat(AcledLabels.geoPrecision(GeoPrecision.ADMIN1, false)).isEqualTo(3);
        assertThat(AcledLabels.geoPrecision(GeoPrecision.COUNTRY, false)).isEqualTo(3);
    }
}
