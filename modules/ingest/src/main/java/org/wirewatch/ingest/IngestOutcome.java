package org.wirewatch.ingest;

import java.util.List;
import java.util.Objects;
import org.wirewatch.formats.RejectionCode;
import org.wirewatch.schema.ReportFormat;

/**
 * What became of one input once the broker acknowledged it: the stories it carried, on the raw topic, or the
 * reason it was refused, on the rejected topic.
 */
public sealed interface IngestOutcome permits IngestOutcome.Published, IngestOutcome.Rejected {

    /** The input's reports are on the raw topic. */
    record Published(ReportFormat format, List<Story> stories) implements IngestOutcome {
        public Published {
            stories = List.copyOf(stories);
        }
    }

    /** The input is on the rejected topic. */
    record Rejected(RejectionCode code, String reason, ReportFormat format) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** One story version as published. */
    record Story(String uri, int version) {
    }
}
