package org.wirewatch.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Layered configuration: built-in defaults &lt; a properties file &lt; environment variables &lt; command-line
 * options. Keys are lower-case and dotted ({@code wirewatch.http.port}); the environment spells them upper-case
 * with underscores ({@code WIREWATCH_HTTP_PORT}).
 *
 * <p>Typed reads go through a {@link Reader}, which records every problem instead of failing on the first, so
 * that {@link Reader#validate()} can report them all at once.
 */
public final class Settings {

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|user\\.info|credentials).*");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Settings(final Map<String, String> values, final Map<String, String> origins) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings holding just these values, for tests and embedding. */
    public static Settings of(final Map<String, String> values) {
        return builder().overrides(values).build();
    }

    public Optional<String> get(final String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** Where a key's value came from: default, the file's path, env, cli. */
    public Optional<String> origin(final String key) {
        return Optional.ofNullable(origins.get(key));
    }

    /** All values under a prefix, with the prefix removed, e.g. {@code wirewatch.kafka.} for client passthrough. */
    public Map<String, String> withPrefix(final String prefix) {
        final Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Every value with secrets masked, for the start-up log line. */
    public Map<String, String> masked() {
        final Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, SECRET.matcher(k).matches() && !v.isEmpty() ? "******" : v));
        return out;
    }

    public Reader reader() {
        return new Reader();
    }

    /** A new Settings with these values layered on top (as if given on the command line). */
    public Settings with(final Map<String, String> overrides) {
        final Map<String, String> v = new LinkedHashMap<>(values);
        final Map<String, String> o = new LinkedHashMap<>(origins);
        overrides.forEach((k, x) -> {
            if (x != null) {
                v.put(k, x);
                o.put(k, "cli");
            }
        });
        return new Settings(v, o);
    }

    /** Typed reads that collect problems. */
    public final class Reader {
        // A set: a key read twice (by core and by a stage) is one problem, not two.
        private final java.util.Set<String> problems = new java.util.LinkedHashSet<>();

        public String string(final String key, final String def) {
            return get(key).orElse(def);
        }

        public Optional<String> optional(final String key) {
            return get(key);
        }

        public String required(final String key) {
            final Optional<String> v = get(key);
            if (v.isEmpty()) {
                problems.add(key + ": required but not set");
                return "";
            }
            return v.get();
        }

        public int intValue(final String key, final int def, final int min, final int max) {
            return (int) longValue(key, def, min, max);
        }

        public long longValue(final String key, final long def, final long min, final long max) {
            final Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            try {
                final long i = Long.parseLong(v.get().trim());
                if (i < min || i > max) {
                    problem(key, v.get(), "must be between " + min + " and " + max);
                    return def;
                }
                return i;
            } catch (final NumberFormatException e) {
                problem(key, v.get(), "not an integer");
                return def;
            }
        }

        public double doubleValue(final String key, final double def, final double min, final double max) {
            final Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            try {
                final double d = Double.parseDouble(v.get().trim());
                if (!(d >= min && d <= max)) {
                    problem(key, v.get(), "must be between " + min + " and " + max);
                    return def;
                }
                return d;
            } catch (final NumberFormatException e) {
                problem(key, v.get(), "not a number");
                return def;
            }
        }

        /** A TCP port; 0 means an ephemeral port chosen at start. */
        public int port(final String key, final int def) {
            return intValue(key, def, 0, 65_535);
        }

        public boolean bool(final String key, final boolean def) {
            final Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            final String s = v.get().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            problem(key, v.get(), "must be true or false");
            return def;
        }

        /** An ISO-8601 duration (PT30S, P90D) or a number with a unit suffix: 500ms, 30s, 5m, 2h, 90d. */
        public Duration duration(final String key, final Duration def) {
            final Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            final Optional<Duration> d = parseDuration(v.get().trim());
            if (d.isEmpty()) {
                problem(key, v.get(), "not a duration (e.g. 30s, 5m, 90d, PT30S)");
                return def;
            }
            return d.get();
        }

        public Path path(final String key, final Path def) {
            return get(key).map(Path::of).orElse(def);
        }

        /** A comma-separated list; blank entries dropped. */
        public List<String> list(final String key, final List<String> def) {
            return get(key).map(v -> Arrays.stream(v.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList())
                    .orElse(def);
        }

        /** Records a problem found by the caller's own validation. */
        public void problem(final String key, final String value, final String why) {
            final String shown = SECRET.matcher(key).matches() ? "******" : value;
            problems.add(key + "=" + shown + " (from " + origins.getOrDefault(key, "default") + "): " + why);
        }

        public List<String> problems() {
            return List.copyOf(problems);
        }

        /** Throws a {@link ConfigException} listing every problem, if there is any. */
        public void validate() {
            if (!problems.isEmpty()) {
                throw new ConfigException(List.copyOf(problems));
            }
        }
    }

    static Optional<Duration> parseDuration(final String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (final DateTimeParseException e) {
                return Optional.empty();
            }
        }
        final var m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        final long n = Long.parseLong(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
    }

    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> origins = new LinkedHashMap<>();

        public Builder defaults(final Map<String, String> defaults) {
            return put(defaults, "default");
        }

        /** A Java properties file; a missing file is an error, since the user named it. */
        public Builder file(final Path file) {
            final Properties p = new Properties();
            try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (final IOException e) {
                throw new ConfigException(List.of("config file " + file + ": cannot be read (" + e.getMessage() + ")"));
            }
            final Map<String, String> m = new LinkedHashMap<>();
            p.stringPropertyNames()
                    .forEach(k -> m.put(k.trim(), p.getProperty(k).trim()));
            return put(m, file.toString());
        }

        /**
         * Environment variables starting with {@code WIREWATCH_}: {@code WIREWATCH_HTTP_PORT=9000} sets
         * {@code wirewatch.http.port}. Underscores cannot say whether a key had a dot or a dash, so keys use dots only.
         */
        public Builder environment(final Map<String, String> env) {
            final Map<String, String> m = new LinkedHashMap<>();
            env.forEach((k, v) -> {
                if (k.startsWith("WIREWATCH_")) {
                    m.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v);
                }
            });
            return put(m, "env");
        }

        public Builder overrides(final Map<String, String> cli) {
            return put(cli, "cli");
        }

        private Builder put(final Map<String, String> m, final String origin) {
            m.forEach((k, v) -> {
                if (v != null) {
                    values.put(k, v);
                    origins.put(k, origin);
                }
            });
            return this;
        }

        public Settings build() {
            return new Settings(values, origins);
        }
    }
}
