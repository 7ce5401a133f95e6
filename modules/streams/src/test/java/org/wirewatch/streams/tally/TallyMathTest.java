package org.wirewatch.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.figure;
import static org.wirewatch.streams.Fixtures.incident;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.TallyWindow;

class TallyMathTest {

  private final String key = TallyKeys.day("SY", DAY);

  @Test
  void shouldReturnToEmptyWhenAddedIncidentIsSubtracted() {
    final Incident a = incident("a", "SY", "SY-DY", DAY, 43);
    final Incident b = incident("b", "SY", "SY-DY", DAY, 7);
    final CasualtyTally both = TallyMath.add(key, b, TallyMath.add(key, a, TallyMath.empty()));
    final CasualtyTally onlyB = TallyMath.subtract(a, both);
    assertThat(onlyB.getKilled().getBest()).isEqualTo(7);
    assertThat(onlyB.getIncidents()).isEqualTo(1);
    assertThat(TallyMath.subtract(b, onlyB)).isNull();
  }

  @Test
  void shouldAddNothingForVagueFigureWithoutNumber() {
    final Incident vague = Incident.newBuilder(incident("v", "SY", null, DAY, 0))
        .setKilled(figure(null, null, null)).build();
    final CasualtyTally t = TallyMath.add(key, vague, TallyMath.empty());
    assertThat(t.getIncidents()).isEqualTo(1);
    assertThat(t.getKilled().getBest()).isZero();
  }

  @Test
  void shouldUseLowAsBestWhenOnlyRangeIsKnown() {
    final Incident range = Incident.newBuilder(incident("r", "SY", null, DAY, 0))
        .setKilled(figure(23, null, 37)).build();
    final CasualtyTally t = TallyMath.add(key, range, TallyMath.empty());
    assertThat(t.getKilled().getLow()).isEqualTo(23);
    assertThat(t.getKilled().getBest()).isEqualTo(23);
    assertThat(t.getKilled().getHigh()).isEqualTo(37);
  }

  @Test
  void shouldSumDaysWhenBuildingWindow() {
    final CasualtyTally d1 = TallyMath.add(key, incident("a", "SY", null, DAY, 3), TallyMath.empty());
    final CasualtyTally d2 = TallyMath.add(TallyKeys.day("SY", DAY.plusDays(2)),
        incident("b", "SY", null, DAY.plusDays(2), 4), TallyMath.empty());
    final CasualtyTally w = TallyMath.window("SY", TallyWindow.P7D, DAY, List.of(d1, d2));
    assertThat(w.getKilled().getBest()).isEqualTo(7);
    assertThat(w.getIncidents()).isEqualTo(2);
    assertThat(w.getWindowEnd()).isEqualTo(DAY.plusDays(6));
    assertThat(TallyMath.window("SY", TallyWindow.P7D, DAY, List.of())).isNull();
  }

  @Test
  void shouldTellRegionLevelFromCode() {
    assertThat(TallyMath.level("SY")).hasToString("COUNTRY");
    assertThat(TallyMath.level("SY-DY")).hasToString("ADMIN1");
  }
}
