package org.wirewatch.formats;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** What a declared content type means to Wirewatch: the parser family it selects and its charset parameter. */
public final class MediaTypes {

    /** The content types {@code POST /v1/reports} accepts, mapped to the parser they select. */
    public static final Map<String, Kind> SUPPORTED = Map.ofEntries(
            Map.entry("application/json", Kind.NINJS),
            Map.entry("application/vnd.iptc.ninjs+json", Kind.NINJS),
            Map.entry("application/ninjs+json", Kind.NINJS),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", Kind.XML),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", Kind.XML),
            Map.entry("application/xml", Kind.XML),
            Map.entry("text/xml", Kind.XML),
            Map.entry("application/rss+xml", Kind.XML),
            Map.entry("application/atom+xml", Kind.XML),
            Map.entry("text/plain", Kind.TEXT),
            Map.entry("application/octet-stream", Kind.SNIFF));

    /**
     * Parser families. XML is one family because the root element, not the label, tells NewsML-G2 from RSS and
     * Atom (feeds are routinely served with each other's type).
     */
    public enum Kind {
        NINJS,
        XML,
        TEXT,
        SNIFF
    }

    private MediaTypes() {}

    /** The media type without parameters, lower case; empty for a blank header. */
    public static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The parser family of a content type, or empty when Wirewatch does not read it. */
    public static Optional<Kind> kindOf(String contentType) {
        return Optional.ofNullable(SUPPORTED.get(essence(contentType)));
    }

    /** The supported content types, sorted and comma-separated, for error messages. */
    public static String supportedList() {
        return String.join(", ", new TreeSet<>(SUPPORTED.keySet()));
    }

    /** The {@code charset} parameter, if present. */
    public static Optional<String> charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String value = p.substring(eq + 1).strip().replace("\"", "");
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
