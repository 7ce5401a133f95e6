package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
