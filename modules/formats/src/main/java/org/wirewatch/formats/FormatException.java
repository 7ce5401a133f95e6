package org.wirewatch.formats;

import org.wirewatch.schema.ReportFormat;

/** Thrown inside the parsers to abort with a rejection; never escapes {@link ReportParser}. */
final class FormatException extends Exception {

    private final RejectionCode code;
    private ReportFormat format;

    FormatException(RejectionCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    RejectionCode code() {
        return code;
    }

    /** The format being read when the problem was found, or null if none was told yet. */
    ReportFormat format() {
        return format;
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws FormatException;
    }

    /** Runs a step of reading {@code format}, so that a rejection from it names the format. */
    static <T> T in(ReportFormat format, Step<T> step) throws FormatException {
        try {
            return step.run();
        } catch (FormatException e) {
            if (e.format == null) {
                e.format = format;
            }
            throw e;
        }
    }
}
