package org.wirewatch.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The brokers integration tests can run on, chosen with the system property {@value #PROPERTY}. */
public enum BrokerKind {
    /** A real single-node KRaft broker in the test JVM (the default; needs nothing but the JDK). */
    EMBEDDED,
    /** Kafka in a container through Testcontainers (needs a Docker engine). */
    TESTCONTAINERS;

    /** System property selecting the broker: {@code embedded} (default) or {@code testcontainers}. */
    public static final String PROPERTY = "wirewatch.it.broker";

    /** @return the kind the system property asks for; {@link #EMBEDDED} when it is absent or blank. */
    public static BrokerKind fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    static BrokerKind parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown " + PROPERTY + "=" + value + "; use one of "
                            + Arrays.stream(values())
                                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")),
                    e);
        }
    }
}
