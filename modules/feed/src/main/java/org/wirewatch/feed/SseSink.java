package org.wirewatch.feed;

/** Where a subscriber's events are written: a Javalin {@code SseClient} in the server, a list in unit tests. */
interface SseSink {

    void event(String name, String data, String id);

    void comment(String text);

    /** True once the remote end is gone or {@link #close()} was called. */
    boolean closed();

    void close();
}
