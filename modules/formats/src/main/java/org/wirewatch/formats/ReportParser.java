package org.wirewatch.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wirewatch.schema.ReportFormat;

/**
 * Reads one input (a file, a request body, a feed document) into WireReports, or rejects it with a reason.
 *
 * <p>Never throws for any input: every problem, including a parser bug ({@link RejectionCode#INTERNAL_ERROR},
 * logged), comes back as a {@link ParseResult.Rejection}. Pure: no I/O, thread-safe, one instance can be shared.
 *
 * <p>Format selection, first match wins: an explicit {@link ReportFormat} hint; a declared content type
 * ({@link MediaTypes}); the file name's extension ({@code .json}, {@code .ninjs}, {@code .xml}, {@code .rss},
 * {@code .atom}, {@code .txt}); the content itself ({@code {} is ninjs, {@code <} is XML, anything else is text).
 * For XML the root element decides: NewsML-G2 {@code newsItem}/{@code newsMessage}, RSS {@code rss}/{@code rdf:RDF},
 * Atom {@code feed}.
 *
 * <p>Encoding: a byte order mark, then the content type's charset, then the XML declaration, else UTF-8; bytes
 * invalid in that encoding, control characters and unknown charsets are rejections, never replaced silently.
 */
public final class ReportParser {

    /** Default size limit: far above any wire story, far below what could hurt the heap. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ReportParser.class);
    private static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

    private final int maxBytes;

    /** A parser with {@link #DEFAULT_MAX_BYTES}. */
    public ReportParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A parser that rejects inputs larger than {@code maxBytes}. */
    public ReportParser(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Parses with the format told by the name's extension or the content. */
    public ParseResult parse(byte[] bytes, String name) {
        return parse(bytes, name, Optional.empty());
    }

    /** Parses with the format told by the content type, else the name's extension, else the content. */
    public ParseResult parse(byte[] bytes, String name, Optional<String> contentType) {
        return guarded(
                bytes,
                name,
                () -> {
                    Optional<String> charset = contentType.flatMap(MediaTypes::charset);
                    MediaTypes.Kind kind = kindFor(contentType, name);
                    return read(bytes, kind, null, charset);
                },
                rejection -> rejection);
    }

    /** Parses as the given format, whatever the name or content suggest. */
    public ParseResult parse(byte[] bytes, String name, ReportFormat format) {
        Objects.requireNonNull(format, "format");
        return guarded(
                bytes,
                name,
                () -> {
                    MediaTypes.Kind kind = switch (format) {
                        case NINJS -> MediaTypes.Kind.NINJS;
                        case TEXT -> MediaTypes.Kind.TEXT;
                        case NEWSML_G2, RSS, ATOM -> MediaTypes.Kind.XML;
                    };
                    return read(bytes, kind, format, Optional.empty());
                },
                rejection -> rejection);
    }

    /**
     * Parses a polled feed entry by entry, so that one bad entry is rejected alone. A document that is not a
     * readable RSS or Atom feed is rejected as a whole.
     */
    public FeedParse parseFeed(byte[] bytes, String name) {
        return guarded(
                bytes,
                name,
                () -> {
                    String text = TextDecoder.decode(bytes, Optional.empty());
                    Document document = SafeXml.parse(text);
                    ReportFormat format = xmlFormat(document.getDocumentElement());
                    if (format != ReportFormat.RSS && format != ReportFormat.ATOM) {
                        throw new FormatException(
                                RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                                "a polled feed must be RSS or Atom, got " + format);
                    }
                    List<FeedEntry> entries = new ArrayList<>();
                    for (FeedFormat.Entry entry : FeedFormat.entries(document, format)) {
                        ParseResult result = entry.problem() == null
                                ? new ParseResult.Accepted(format, List.of(entry.report()))
                                : new ParseResult.Rejection(
                                        entry.problem().code(), entry.problem().getMessage(), format);
                        entries.add(new FeedEntry(entry.id(), entry.excerpt(), result));
                    }
                    return new FeedParse(Optional.empty(), entries);
                },
                FeedParse::rejected);
    }

    private ParseResult read(byte[] bytes, MediaTypes.Kind kind, ReportFormat forced, Optional<String> charset)
            throws FormatException {
        String text = TextDecoder.decode(bytes, charset);
        if (text.isBlank()) {
            throw new FormatException(RejectionCode.EMPTY, "the input holds no text");
        }
        if (kind == MediaTypes.Kind.SNIFF) {
            kind = sniff(text);
        }
        return switch (kind) {
            case NINJS ->
                new ParseResult.Accepted(
                        ReportFormat.NINJS, FormatException.in(ReportFormat.NINJS, () -> NinjsFormat.parse(text)));
            case TEXT ->
                new ParseResult.Accepted(
                        ReportFormat.TEXT, FormatException.in(ReportFormat.TEXT, () -> TextFormat.parse(text)));
            case XML, SNIFF -> readXml(text, forced);
        };
    }

    private ParseResult readXml(String text, ReportFormat forced) throws FormatException {
        Document document;
        try {
            document = FormatException.in(forced, () -> SafeXml.parse(text));
        } catch (FormatException e) {
            if (e.code() == RejectionCode.MALFORMED && forced == null && HtmlText.startsAsHtmlPage(text)) {
                // Served in place of a feed ("Document Moved"): naming the page helps more than its XML errors.
                throw new FormatException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "an HTML page is not a wire report");
            }
            throw e;
        }
        ReportFormat format = forced != null ? forced : xmlFormat(document.getDocumentElement());
        return FormatException.in(format, () -> switch (format) {
            case NEWSML_G2 -> NewsMlG2Format.parse(document);
            case RSS, ATOM -> allEntries(document, format);
            default ->
                throw new FormatException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "XML cannot be read as " + format);
        });
    }

    /** A feed pushed or dropped as one input: its usable entries, each unusable one with its own reason. */
    private static ParseResult.Accepted allEntries(Document document, ReportFormat format) throws FormatException {
        Items items = new Items(format, "the " + format + " feed has no entries");
        for (FeedFormat.Entry entry : FeedFormat.entries(document, format)) {
            if (entry.problem() != null) {
                items.reject(entry.id(), entry.excerpt(), entry.problem());
            } else {
                items.accept(entry.report());
            }
        }
        return items.result();
    }

    private static ReportFormat xmlFormat(Element root) throws FormatException {
        String local = root.getLocalName() == null ? root.getTagName() : root.getLocalName();
        if (NewsMlG2Format.NAMESPACE.equals(root.getNamespaceURI())) {
            return ReportFormat.NEWSML_G2;
        }
        if (local.equals("rss") || local.equals("RDF")) {
            return ReportFormat.RSS;
        }
        // An Atom entry document (RFC 4287 4.1.2) is read as a feed of that one entry.
        if ((local.equals("feed") || local.equals("entry"))
                && (ATOM_NAMESPACE.equals(root.getNamespaceURI())
                        || "http://purl.org/atom/ns#".equals(root.getNamespaceURI()))) {
            return ReportFormat.ATOM;
        }
        if (local.equalsIgnoreCase("html")) {
            throw new FormatException(RejectionCode.UNSUPPORTED_MEDIA_TYPE, "an HTML page is not a wire report");
        }
        throw new FormatException(
                RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                "XML root element <" + Excerpts.clip(local, 60)
                        + "> is not NewsML-G2 (newsItem, newsMessage), RSS or Atom");
    }

    private static MediaTypes.Kind kindFor(Optional<String> contentType, String name) throws FormatException {
        if (contentType.isPresent() && !contentType.get().isBlank()) {
            Optional<MediaTypes.Kind> kind = MediaTypes.kindOf(contentType.get());
            if (kind.isEmpty()) {
                throw new FormatException(
                        RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported content type '"
                                + Excerpts.clip(MediaTypes.essence(contentType.get()), 80) + "'; supported: "
                                + MediaTypes.supportedList());
            }
            if (kind.get() != MediaTypes.Kind.SNIFF) {
                return kind.get();
            }
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".ninjs")) {
            return MediaTypes.Kind.NINJS;
        }
        if (lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom")) {
            return MediaTypes.Kind.XML;
        }
        if (lower.endsWith(".txt")) {
            return MediaTypes.Kind.TEXT;
        }
        return MediaTypes.Kind.SNIFF;
    }

    private static MediaTypes.Kind sniff(String text) {
        String head = text.stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return MediaTypes.Kind.NINJS;
        }
        if (head.startsWith("<")) {
            return MediaTypes.Kind.XML;
        }
        return MediaTypes.Kind.TEXT;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws FormatException;
    }

    private <T> T guarded(byte[] bytes, String name, Attempt<T> attempt, Function<ParseResult.Rejection, T> rejected) {
        if (bytes == null) {
            return rejected.apply(new ParseResult.Rejection(RejectionCode.EMPTY, "no input", null));
        }
        if (bytes.length > maxBytes) {
            return rejected.apply(new ParseResult.Rejection(
                    RejectionCode.TOO_LARGE,
                    "input of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes",
                    null));
        }
        if (bytes.length == 0) {
            return rejected.apply(new ParseResult.Rejection(RejectionCode.EMPTY, "the input is empty", null));
        }
        try {
            return attempt.run();
        } catch (FormatException e) {
            return rejected.apply(new ParseResult.Rejection(e.code(), e.getMessage(), e.format()));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not bad input: keep the promise of never throwing, and say so loudly.
            LOG.warn("Parser failure on {} ({} bytes)", name, bytes.length, e);
            return rejected.apply(new ParseResult.Rejection(
                    RejectionCode.INTERNAL_ERROR,
                    "the parser failed on this input (" + e.getClass().getSimpleName() + "); this is a Wirewatch bug",
                    null));
        }
    }
}
