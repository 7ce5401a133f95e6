package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.config.Settings;
import org.wirewatch.streams.StreamsStageConfig;

class ReplayCommandTest {

    @Test
    void replayCommitsAndEmitsOnceASecondWhenNothingIsSet() {
        final Settings s = ReplayCommand.backfill(Settings.of(Map.of()));

        assertThat(s.get(StreamsStageConfig.COMMIT_INTERVAL)).contains("1s");
        assertThat(s.get(StreamsStageConfig.TALLY_EMIT_INTERVAL)).contains("1s");
    }

    @Test
    void anIntervalTheUserSetWins() {
        final Settings s = ReplayCommand.backfill(Settings.of(Map.of(StreamsStageConfig.COMMIT_INTERVAL, "250ms")));

        assertThat(s.get(StreamsStageConfig.COMMIT_INTERVAL)).contains("250ms");
        assertThat(s.get(StreamsStageConfig.TALLY_EMIT_INTERVAL)).contains("1s");
    }

    @Test
    void theProgressBarIsDrawnAHundredTimesAtMostAndAlwaysAtTheEnd() {
        final StringWriter out = new StringWriter();
        final PrintWriter err = new PrintWriter(out);

        for (int n = 1; n <= 20_003; n++) {
            ReplayCommand.progress(err, "sent", n, 20_003);
        }

        final String[] bars = out.toString().substring(1).split("\r");
        assertThat(bars.length).isBetween(100, 102);
        assertThat(bars[0]).endsWith(" 1/20003 sent");
        assertThat(bars[bars.length - 1]).isEqualTo("[" + "#".repeat(30) + "] 20003/20003 sent");
    }
}
