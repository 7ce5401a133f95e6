package org.wirewatch.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * IPTC NewsML-G2 {@code newsItem}, or a {@code newsMessage} whose {@code itemSet} carries several items (one
 * WireReport per usable text newsItem; every other item, such as a package, a picture or an item without a body,
 * is rejected on its own with its reason, and the message as a whole only when no item is usable). Items whose
 * {@code itemClass} is not text, and package, planning and concept items, are {@link RejectionCode#NOT_TEXT}.
 *
 * <p>Read per item: {@code @guid}, {@code @version}, itemMeta {@code pubStatus}, {@code firstCreated},
 * {@code versionCreated}, {@code signal} (update, correction...), rightsInfo {@code copyrightHolder} or
 * itemMeta {@code provider}; contentMeta {@code headline}, {@code dateline}, {@code located}, {@code language},
 * {@code urgency}; contentSet {@code inlineXML} (XHTML, converted to paragraphs) or {@code inlineData} (text or
 * HTML). A dateline that the body does not already open with is put in front of it, so that every format gives
 * the extractor a body that opens with its dateline.
 */
final class NewsMlG2Format {

    static final String NAMESPACE = "http://iptc.org/std/nar/2006-10-01/";

    /** NewsML-G2 items that are well-formed G2 but never a text story. */
    private static final Set<String> OTHER_ITEMS =
            Set.of("packageItem", "planningItem", "conceptItem", "knowledgeItem", "catalogItem");

    // XHTML and NITF as agencies label them ("application/xhtml+xml", "xhtml/xml", "application/nitf+xml"...).
    private static final Pattern PROSE_XML = Pattern.compile("html|nitf|text/plain", Pattern.CASE_INSENSITIVE);

    private NewsMlG2Format() {}

    static ParseResult.Accepted parse(Document document) throws FormatException {
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            throw new FormatException(
                    RejectionCode.MALFORMED, "NewsML-G2 root element is not in the namespace " + NAMESPACE);
        }
        String name = root.getLocalName();
        if ("newsItem".equals(name)) {
            return new ParseResult.Accepted(ReportFormat.NEWSML_G2, List.of(item(root, "")));
        }
        if (OTHER_ITEMS.contains(name)) {
            throw notText(name, "");
        }
        if (!"newsMessage".equals(name)) {
            throw new FormatException(
                    RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                    "NewsML-G2 " + name + " is not a news item; send a newsItem or a newsMessage");
        }
        Items items = new Items(ReportFormat.NEWSML_G2, "newsMessage carries no newsItem");
        int index = 0;
        for (Element itemSet : children(root, "itemSet")) {
            for (Element item : children(itemSet, null)) {
                index++;
                String where = "newsMessage item " + index;
                String id = attribute(item, "guid") != null ? attribute(item, "guid") : "item-" + index;
                try {
                    if (!"newsItem".equals(item.getLocalName())) {
                        throw notText(item.getLocalName(), where + ": ");
                    }
                    if (children(item, null).isEmpty()) {
                        throw new FormatException(RejectionCode.NO_ITEM, where + " is an empty placeholder");
                    }
                    items.accept(item(item, where));
                } catch (FormatException e) {
                    items.reject(id, Excerpts.clip(Paragraphs.body(item.getTextContent()), 900), e);
                }
            }
        }
        return items.result();
    }

    private static FormatException notText(String what, String prefix) {
        return new FormatException(
                RejectionCode.NOT_TEXT,
                prefix + "a NewsML-G2 " + what + " is not a text story; only text newsItems are ingested");
    }

    private static WireReport item(Element item, String where) throws FormatException {
        String prefix = where.isEmpty() ? "" : where + ": ";
        Reports.Draft draft = new Reports.Draft();
        draft.uri = attribute(item, "guid");
        String version = attribute(item, "version");
        if (version != null) {
            draft.version = Reports.version(prefix + "version", version);
        }
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        String itemClass = itemMeta == null ? null : qcodeOrUri(child(itemMeta, "itemClass"));
        if (itemClass != null && !lastSegment(itemClass).equalsIgnoreCase("text")) {
            throw notText("newsItem of class " + itemClass, prefix);
        }
        if (itemMeta != null) {
            Element pubStatus = child(itemMeta, "pubStatus");
            if (pubStatus != null) {
                String code = qcodeOrUri(pubStatus);
                if (code != null) {
                    draft.pubStatus = Reports.pubStatus(prefix + "pubStatus", code);
                }
            }
            String first = text(child(itemMeta, "firstCreated"));
            if (first != null) {
                draft.firstCreated = Timestamps.parse(prefix + "firstCreated", first);
            }
            String versionCreated = text(child(itemMeta, "versionCreated"));
            if (versionCreated != null) {
                draft.versionCreated = Timestamps.parse(prefix + "versionCreated", versionCreated);
            }
            List<String> signals = new ArrayList<>();
            for (Element signal : children(itemMeta, "signal")) {
                String code = qcodeOrUri(signal);
                if (code != null) {
                    signals.add(lastSegment(code).toLowerCase(Locale.ROOT));
                }
            }
            draft.signals = signals;
            draft.agency = party(child(itemMeta, "provider"));
        }
        Element rightsInfo = child(item, "rightsInfo");
        String holder = rightsInfo == null ? null : party(child(rightsInfo, "copyrightHolder"));
        if (holder != null) {
            draft.agency = holder;
        }
        String dateline = null;
        if (contentMeta != null) {
            draft.headline = text(child(contentMeta, "headline"));
            dateline = text(child(contentMeta, "dateline"));
            Element located = child(contentMeta, "located");
            if (located != null) {
                String place = text(child(located, "name"));
                draft.located = place != null ? place : attribute(located, "literal");
            }
            Element language = child(contentMeta, "language");
            draft.language = Reports.language(language == null ? null : attribute(language, "tag"));
            String urgency = text(child(contentMeta, "urgency"));
            if (urgency != null) {
                draft.urgency = Reports.urgency(prefix + "urgency", urgency);
            }
        }
        if (draft.language == null) {
            draft.language = Reports.language(item.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        }
        String body = body(child(item, "contentSet"), prefix);
        draft.body = body == null || dateline == null ? body : withDateline(Paragraphs.line(dateline), body.strip());
        return draft.build(ReportFormat.NEWSML_G2, where);
    }

    private static String body(Element contentSet, String prefix) throws FormatException {
        if (contentSet == null) {
            return null;
        }
        Element xhtml = child(contentSet, "inlineXML");
        if (xhtml != null) {
            String type = attribute(xhtml, "contenttype");
            if (type != null && !PROSE_XML.matcher(type).find()) {
                // SportsML, event data and the like: structured data, not a story's text.
                throw new FormatException(
                        RejectionCode.MISSING_FIELD,
                        prefix + "no body text: inlineXML holds " + Excerpts.clip(type, 60) + ", not prose");
            }
            return HtmlText.toText(serializeChildren(xhtml));
        }
        Element inline = child(contentSet, "inlineData");
        if (inline != null) {
            String type = attribute(inline, "contenttype");
            String data = inline.getTextContent();
            return type != null && type.toLowerCase(Locale.ROOT).contains("html") ? HtmlText.toText(data) : data;
        }
        if (child(contentSet, "remoteContent") != null) {
            throw new FormatException(
                    RejectionCode.MISSING_FIELD,
                    prefix + "body is remoteContent, which Wirewatch does not fetch; send inlineXML or inlineData");
        }
        return null;
    }

    /** Puts the dateline in front of the body unless the body already opens with its place. */
    private static String withDateline(String dateline, String body) {
        String place = dateline.split("[,:(\\u2014-]", 2)[0].strip();
        if (dateline.isEmpty()
                || body.isEmpty()
                || body.toLowerCase(Locale.ROOT).startsWith(place.toLowerCase(Locale.ROOT))) {
            return body;
        }
        return dateline + " - " + body;
    }

    private static String serializeChildren(Element element) {
        DOMImplementationLS ls =
                (DOMImplementationLS) element.getOwnerDocument().getImplementation();
        LSSerializer serializer = ls.createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        StringBuilder out = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            out.append(serializer.writeToString(n));
        }
        return out.toString();
    }

    /** A party (provider, copyrightHolder): its name, else its literal, else its qcode without the scheme. */
    private static String party(Element party) {
        if (party == null) {
            return null;
        }
        String name = text(child(party, "name"));
        if (name != null) {
            return name;
        }
        String literal = attribute(party, "literal");
        if (literal != null) {
            return literal;
        }
        String qcode = attribute(party, "qcode");
        return qcode == null ? null : lastSegment(qcode);
    }

    private static String qcodeOrUri(Element element) {
        if (element == null) {
            return null;
        }
        String qcode = attribute(element, "qcode");
        return qcode != null ? qcode : attribute(element, "uri");
    }

    private static String lastSegment(String code) {
        return code.substring(Math.max(code.lastIndexOf(':'), code.lastIndexOf('/')) + 1);
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent();
        return text == null || text.isBlank() ? null : text;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** Child elements in the G2 namespace, all of them when {@code localName} is null. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && NAMESPACE.equals(e.getNamespaceURI())
                    && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
