package org.wirewatch.formats;

import java.util.Objects;

/**
 * One entry of a polled feed, parsed on its own so that one bad entry does not hold back the others.
 *
 * @param id      the entry's story id (guid/id, else link, else derived from its content)
 * @param excerpt its title and text, bounded, for a rejection record
 * @param result  the report, or why the entry cannot be one
 */
public record FeedEntry(String id, String excerpt, ParseResult result) {
    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(result, "result");
    }
}
