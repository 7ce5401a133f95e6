package org.wirewatch.app.cli;

import java.time.Duration;
import java.util.Map;
import org.wirewatch.common.config.Settings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations on the command line the way configuration files do: 500ms, 30s, 5m, 2h, 90d or ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Settings.Reader reader = Settings.of(Map.of("duration", value)).reader();
        Duration duration = reader.duration("duration", null);
        if (!reader.problems().isEmpty()) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 5m, PT1M)");
        }
        return duration;
    }
}
