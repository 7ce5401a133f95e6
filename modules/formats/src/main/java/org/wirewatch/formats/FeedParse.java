package org.wirewatch.formats;

import java.util.List;
import java.util.Optional;

/**
 * A polled feed: either unreadable as a whole ({@code rejection} present, no entries) or its entries, each
 * accepted or rejected on its own.
 */
public record FeedParse(Optional<ParseResult.Rejection> rejection, List<FeedEntry> entries) {
    public FeedParse {
        entries = List.copyOf(entries);
    }

    static FeedParse rejected(ParseResult.Rejection rejection) {
        return new FeedParse(Optional.of(rejection), List.of());
    }
}
