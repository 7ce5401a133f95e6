package org.wirewatch.embedded;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** Sends what the storage formatter prints to a logger, line by line, instead of stdout. */
final class LoggingPrintStream extends OutputStream {

    private final Logger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LoggingPrintStream(Logger logger) {
        this.logger = logger;
    }

    static PrintStream debug(Logger logger) {
        return new PrintStream(new LoggingPrintStream(logger), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() > 0) {
            logger.debug("{}", line.toString(StandardCharsets.UTF_8).strip());
            line.reset();
        }
    }
}
