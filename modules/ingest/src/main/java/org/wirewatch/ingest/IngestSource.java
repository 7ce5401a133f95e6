package org.wirewatch.ingest;

/** The ingest sources; each can run alone ({@code wirewatch ingest folder|http|feeds}) or with the others. */
public enum IngestSource {
    /** The watched drop folder. */
    FOLDER,
    /** {@code POST /v1/reports}. */
    HTTP,
    /** The RSS/Atom poller. */
    FEEDS
}
