package org.wirewatch.formats;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds (and a single Atom entry document) through Rome, one WireReport per entry. Rome gets a DOM that
 * {@link SafeXml} already parsed, so feeds are as hardened as every other XML input.
 *
 * <p>Per entry: id = RSS {@code guid} or Atom {@code id} (Rome's entry uri), else the link, else derived from the
 * content; version 1 (feeds have no versions); headline = title; body = full content ({@code content:encoded},
 * Atom content) or else the summary/description, else {@code dc:description}, markup converted to paragraphs; published/updated dates;
 * agency = the feed's copyright, else its title; language = the feed's language.
 */
final class FeedFormat {

    /** One entry of a feed: its id and either a report or the reason it could not be one. */
    record Entry(String id, String excerpt, WireReport report, FormatException problem) {}

    private FeedFormat() {}

    static List<Entry> entries(Document document, ReportFormat format) throws FormatException {
        Element root = document.getDocumentElement();
        Document feedDocument = "entry".equals(root.getLocalName()) ? asFeed(root) : document;
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(feedDocument);
        } catch (FeedException | IllegalArgumentException e) {
            if (!hasItems(root)) {
                // Rome refuses an <rss> without a channel; to a sender that is a feed with nothing in it.
                throw new FormatException(RejectionCode.NO_ITEM, "the " + format + " feed has no entries");
            }
            throw new FormatException(
                    RejectionCode.MALFORMED,
                    "not a readable " + format + " feed: " + Excerpts.clip(String.valueOf(e.getMessage()), 160));
        }
        String agency = firstNonBlank(feed.getCopyright(), feed.getTitle());
        String language = Reports.language(feed.getLanguage());
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            entries.add(entry(entry, format, agency, language, index));
        }
        return entries;
    }

    /** An Atom entry document as a feed of that one entry, which is how Rome reads entries. */
    private static Document asFeed(Element entry) {
        Document feed =
                entry.getOwnerDocument().getImplementation().createDocument(entry.getNamespaceURI(), "feed", null);
        feed.getDocumentElement().appendChild(feed.importNode(entry, true));
        return feed;
    }

    private static boolean hasItems(Element root) {
        return root.getElementsByTagNameNS("*", "item").getLength() > 0
                || root.getElementsByTagNameNS("*", "entry").getLength() > 0;
    }

    private static Entry entry(SyndEntry entry, ReportFormat format, String agency, String language, int index) {
        String title = entry.getTitleEx() != null ? markup(entry.getTitleEx()) : entry.getTitle();
        String body = body(entry);
        String id = firstNonBlank(entry.getUri(), entry.getLink());
        if (id == null) {
            id = StoryIds.fromContent(format, String.valueOf(title) + "\n" + String.valueOf(body));
        }
        String excerpt = Excerpts.clip((title == null ? "" : title) + "\n\n" + (body == null ? "" : body), 900);
        Reports.Draft draft = new Reports.Draft();
        draft.uri = id;
        draft.headline = title;
        draft.body = body;
        draft.agency = agency;
        draft.language = language;
        Date published = entry.getPublishedDate();
        Date updated = entry.getUpdatedDate();
        draft.firstCreated = published != null ? published.toInstant() : updated == null ? null : updated.toInstant();
        draft.versionCreated = updated != null ? updated.toInstant() : draft.firstCreated;
        try {
            return new Entry(id, excerpt, draft.build(format, "entry " + index), null);
        } catch (FormatException e) {
            return new Entry(id, excerpt, null, e);
        }
    }

    private static String body(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            String text = markup(part);
            if (text != null && !text.isBlank()) {
                content.append(text).append("\n\n");
            }
        }
        if (content.length() > 0) {
            return content.toString();
        }
        if (entry.getDescription() != null) {
            return markup(entry.getDescription());
        }
        // Some feeds carry an item's text only as Dublin Core's description.
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        String description = dc == null ? null : dc.getDescription();
        return description == null || description.isBlank() ? null : HtmlText.toText(description);
    }

    /** Feed text is HTML unless declared otherwise, and RSS descriptions are HTML in practice. */
    private static String markup(SyndContent content) {
        String value = content.getValue();
        if (value == null) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean plain = type.equals("text") || type.equals("text/plain");
        return plain && !HtmlText.looksLikeHtml(value) ? value : HtmlText.toText(value);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
