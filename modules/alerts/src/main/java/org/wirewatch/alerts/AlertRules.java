package org.wirewatch.alerts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.common.config.ConfigException;

/**
 * The alert rules, read from YAML: the defaults in {@code org/wirewatch/alerts/alert-rules.yaml} (which documents
 * every field) or a user's file named by {@code wirewatch.alerts.rules.file}. Unknown fields are errors, so a
 * misspelt threshold is not silently ignored.
 *
 * @param massCasualty   MASS_CASUALTY thresholds
 * @param childrenKilled CHILDREN_KILLED thresholds
 * @param regionSpike    REGION_SPIKE thresholds
 * @param contestedToll  CONTESTED_TOLL thresholds
 */
public record AlertRules(
        MassCasualty massCasualty,
        ChildrenKilled childrenKilled,
        RegionSpike regionSpike,
        ContestedToll contestedToll) {

    /** Resource path of the default rules. */
    public static final String DEFAULT_RESOURCE = "/org/wirewatch/alerts/alert-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** @param minKilled best killed for WARNING; @param criticalKilled for CRITICAL */
    public record MassCasualty(boolean enabled, int minKilled, int criticalKilled) {}

    /** @param minChildren children killed for WARNING; @param criticalChildren for CRITICAL */
    public record ChildrenKilled(boolean enabled, int minChildren, int criticalChildren) {}

    /**
     * @param minKilled      the day's killed for an alert
     * @param factor         the day's killed must also be at least this multiple of the baseline daily mean
     * @param criticalKilled the day's killed for CRITICAL
     * @param baselineDays   days before the event day whose mean is the baseline
     */
    public record RegionSpike(boolean enabled, int minKilled, double factor, int criticalKilled, int baselineDays) {}

    /** @param criticalKilled best killed of a contested incident for CRITICAL */
    public record ContestedToll(boolean enabled, int criticalKilled) {}

    /** The bundled defaults. */
    public static AlertRules defaults() {
        try (InputStream in = AlertRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return validated(YAML.readValue(in, AlertRules.class), DEFAULT_RESOURCE);
        } catch (final IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Rules from a YAML file; every problem is reported at once. */
    public static AlertRules load(final Path file) {
        try {
            return validated(YAML.readValue(Files.readAllBytes(file), AlertRules.class), file.toString());
        } catch (final IOException e) {
            throw new ConfigException(List.of("alert rules " + file + ": " + firstLine(e.getMessage())));
        }
    }

    /** Rules from YAML text, e.g. in tests. */
    public static AlertRules parse(final String yaml) {
        try {
            return validated(YAML.readValue(yaml, AlertRules.class), "(text)");
        } catch (final IOException e) {
            throw new ConfigException(List.of("alert rules: " + firstLine(e.getMessage())));
        }
    }

    private static String firstLine(final String s) {
        final int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    private static AlertRules validated(final AlertRules r, final String origin) {
        final List<String> problems = new ArrayList<>();
        if (r.massCasualty == null || r.childrenKilled == null || r.regionSpike == null || r.contestedToll == null) {
            problems.add(origin + ": massCasualty, childrenKilled, regionSpike and contestedToll are all required");
            throw new ConfigException(problems);
        }
        check(problems, origin, "massCasualty.minKilled", r.massCasualty.minKilled >= 1);
        check(
                problems,
                origin,
                "massCasualty.criticalKilled >= minKilled",
                r.massCasualty.criticalKilled >= r.massCasualty.minKilled);
        check(problems, origin, "childrenKilled.minChildren", r.childrenKilled.minChildren >= 1);
        check(
                problems,
                origin,
                "childrenKilled.criticalChildren >= minChildren",
                r.childrenKilled.criticalChildren >= r.childrenKilled.minChildren);
        check(problems, origin, "regionSpike.minKilled", r.regionSpike.minKilled >= 1);
        check(problems, origin, "regionSpike.factor", r.regionSpike.factor >= 1.0);
        check(
                problems,
                origin,
                "regionSpike.criticalKilled >= minKilled",
                r.regionSpike.criticalKilled >= r.regionSpike.minKilled);
        check(
                problems,
                origin,
                "regionSpike.baselineDays (1..90)",
                r.regionSpike.baselineDays >= 1 && r.regionSpike.baselineDays <= 90);
        check(problems, origin, "contestedToll.criticalKilled", r.contestedToll.criticalKilled >= 1);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return r;
    }

    private static void check(final List<String> problems, final String origin, final String what, final boolean ok) {
        if (!ok) {
            problems.add("alert rules " + origin + ": " + what + " is out of range");
        }
    }
}
