package org.wirewatch.ingest;

import java.util.List;
import java.util.Objects;
import org.wirewatch.formats.RejectionCode;
import org.wirewatch.schema.ReportFormat;

/**
 * What became of one input once the broker acknowledged it: the stories it carried, on the raw topic (with any
 * unusable items of it on the rejected topic), or the reason it was refused as a whole, on the rejected topic.
 */
public sealed interface IngestOutcome permits IngestOutcome.Published, IngestOutcome.Rejected {

    /**
     * The input's reports are on the raw topic; {@code rejectedItems} are its items that are on the rejected topic
     * instead (a feed entry without a body, a picture in a newsMessage), each with its own reason.
     */
    record Published(ReportFormat format, List<Story> stories, List<RejectedItem> rejectedItems)
            implements IngestOutcome {
        public Published {
            stories = List.copyOf(stories);
            rejectedItems = List.copyOf(rejectedItems);
        }

        /** An input all of whose items were published. */
        public Published(ReportFormat format, List<Story> stories) {
            this(format, stories, List.of());
        }
    }

    /** One item of a published input that went to the rejected topic, keyed there by {@code sourceId}. */
    record RejectedItem(String sourceId, RejectionCode code, String reason) {}

    /** The input is on the rejected topic. */
    record Rejected(RejectionCode code, String reason, ReportFormat format) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** One story version as published. */
    record Story(String uri, int version) {}
}
