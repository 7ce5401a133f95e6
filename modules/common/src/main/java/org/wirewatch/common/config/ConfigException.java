package org.wirewatch.common.config;

import java.util.List;

/** Every configuration problem found at start, reported at once so that one edit fixes them all. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ConfigException(final List<String> problems) {
        super("Invalid configuration:" + System.lineSeparator() + "  - "
                + String.join(System.lineSeparator() + "  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
