package org.wirewatch.streams.replay;

import java.util.ArrayList;
import java.util.List;
import org.wirewatch.common.Publication;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.WireReport;

/**
 * A larger workload from a small corpus: every report copied under generated story uris, each copy published a
 * week before the previous one, some updated with a later version and some later withdrawn.
 */
public final class GeneratedReports {

    private GeneratedReports() {}

    /** {@code copies} copies of every report of a corpus folder, in publication order: the workload of the fault tests. */
    public static List<WireReport> inPublicationOrder(final java.nio.file.Path corpus, final int copies) {
        return Replay.inPublicationOrder(copies(Corpus.reports(corpus), copies));
    }

    /**
     * {@code copies} copies of every report; copy {@code i} also sends a later version of each of its stories when
     * {@code i % 4 == 1}, and a withdrawal when {@code i % 10 == 3}.
     */
    public static List<WireReport> copies(final List<WireReport> corpus, final int copies) {
        final List<WireReport> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (final WireReport r : corpus) {
                // A week earlier per copy (never in the future, which brokers refuse as a timestamp): relative dates
                // ("on Saturday") move with the dateline, so most copies are new
                // events, while the stories of one copy still share theirs.
                final java.time.Duration shift = java.time.Duration.ofDays(-7L * i);
                final WireReport copy = WireReport.newBuilder(r)
                        .setUri(r.getUri() + ":copy-" + i)
                        .setFirstCreated(
                                r.getFirstCreated() == null
                                        ? null
                                        : r.getFirstCreated().plus(shift))
                        .setVersionCreated(
                                r.getVersionCreated() == null
                                        ? null
                                        : r.getVersionCreated().plus(shift))
                        .build();
                out.add(copy);
                if (i % 4 == 1) {
                    out.add(WireReport.newBuilder(copy)
                            .setVersion(r.getVersion() + 10)
                            .setVersionCreated(Publication.ofVersion(copy).plusSeconds(3600))
                            .build());
                }
                if (i % 10 == 3) {
                    out.add(WireReport.newBuilder(copy)
                            .setVersion(r.getVersion() + 20)
                            .setPubStatus(PubStatus.CANCELED)
                            .setVersionCreated(Publication.ofVersion(copy).plusSeconds(7200))
                            .build());
                }
            }
        }
        return out;
    }
}
