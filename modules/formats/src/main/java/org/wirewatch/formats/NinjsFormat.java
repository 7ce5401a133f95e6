package org.wirewatch.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * IPTC ninjs 1.x ({@code headline}, {@code body_text} / {@code body_html} / {@code body_xhtml}, or the pattern
 * properties {@code headline_*} / {@code body_*}) and 2.x/3.x ({@code headlines[]}, {@code bodies[]}) into one
 * WireReport. A {@code version} may be a number or a numeric string, as both appear in agency output. A document
 * without {@code uri} takes its {@code guid} (Superdesk's id), else an id derived from its content. A
 * {@code type} other than text or composite (picture, video, event...) is {@link RejectionCode#NOT_TEXT}; a JSON
 * object with no ninjs field at all (an API envelope) is not ninjs.
 */
final class NinjsFormat {

    // Nesting deeper than any ninjs document needs is an attack, not a story.
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Types that carry a story's text; a composite may carry one beside its associations. */
    private static final Set<String> STORY_TYPES = Set.of("text", "composite");

    private static final Set<String> PUB_STATUSES = Set.of("usable", "withheld", "canceled");
    private static final Set<String> NINJS_FIELDS = Set.of(
            "uri",
            "guid",
            "type",
            "headline",
            "headlines",
            "bodies",
            "version",
            "pubstatus",
            "pubStatus",
            "firstcreated",
            "firstCreated",
            "versioncreated",
            "versionCreated",
            "standard",
            "profile",
            "language",
            "located",
            "title",
            "descriptions",
            "description_text");

    private NinjsFormat() {}

    static List<WireReport> parse(String json) throws FormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new FormatException(
                    RejectionCode.MALFORMED,
                    "malformed JSON" + where + ": " + Excerpts.clip(withoutSourceNoise(e.getOriginalMessage()), 160));
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(
                    root == null ? RejectionCode.MALFORMED : RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                    "a ninjs document must be one JSON object");
        }
        if (!root.isEmpty() && !looksLikeNinjs(root)) {
            throw new FormatException(
                    RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                    "a JSON object with none of ninjs' fields" + " (an API envelope?); send the ninjs object itself");
        }
        String type = optionalText(root, "type");
        if (type != null && !STORY_TYPES.contains(type.strip().toLowerCase(Locale.ROOT))) {
            throw new FormatException(
                    RejectionCode.NOT_TEXT, "ninjs type '" + Excerpts.clip(type, 40) + "' is not a text story");
        }
        Reports.Draft draft = new Reports.Draft();
        draft.uri = optionalText(root, "uri");
        if (draft.uri == null) {
            // Superdesk writes its id as guid instead of uri.
            draft.uri = optionalText(root, "guid");
        }
        if (draft.uri == null) {
            draft.uri = StoryIds.fromContent(ReportFormat.NINJS, json.strip());
        }
        String version = optionalScalar(root, "version");
        if (version != null) {
            draft.version = Reports.version("version", version);
        }
        String pubStatus = optionalText(root, "pubstatus");
        if (pubStatus != null) {
            if (!PUB_STATUSES.contains(pubStatus.strip())) {
                throw new FormatException(
                        RejectionCode.INVALID_FIELD,
                        "pubstatus must be usable, withheld or" + " canceled, got '" + Excerpts.clip(pubStatus, 40)
                                + "'");
            }
            draft.pubStatus = Reports.pubStatus("pubstatus", pubStatus);
        }
        String first = optionalText(root, "firstcreated");
        if (first != null) {
            draft.firstCreated = Timestamps.parse("firstcreated", first);
        }
        String versionCreated = optionalText(root, "versioncreated");
        if (versionCreated != null) {
            draft.versionCreated = Timestamps.parse("versioncreated", versionCreated);
        }
        draft.language = Reports.language(optionalText(root, "language"));
        draft.agency = optionalText(root, "copyrightholder");
        draft.located = located(root);
        String urgency = optionalScalar(root, "urgency");
        if (urgency != null) {
            draft.urgency = Reports.urgency("urgency", urgency);
        }
        draft.headline = headline(root);
        draft.body = body(root);
        return List.of(draft.build(ReportFormat.NINJS, ""));
    }

    /** Jackson appends parser-internal locations ("start marker at [Source: ...") that mean nothing to a sender. */
    private static String withoutSourceNoise(String message) {
        int cut = message.indexOf(" (start marker at");
        if (cut < 0) {
            cut = message.indexOf("\n at [Source");
        }
        return (cut < 0 ? message : message.substring(0, cut)).strip();
    }

    /** Whether any top-level field is one that ninjs (1.x to 3.x) defines for a story. */
    private static boolean looksLikeNinjs(JsonNode root) {
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (NINJS_FIELDS.contains(name) || name.startsWith("headline_") || name.startsWith("body_")) {
                return true;
            }
        }
        return false;
    }

    private static String headline(JsonNode root) throws FormatException {
        String headline = optionalText(root, "headline");
        if (headline == null) {
            headline = patternProperty(root, "headline_");
        }
        if (headline != null) {
            return headline;
        }
        JsonNode headlines = root.get("headlines");
        if (headlines == null || headlines.isNull()) {
            return null;
        }
        if (!headlines.isArray()) {
            // A string "headlines" is neither 1.x's headline nor 2.x's array: there is no usable headline.
            throw new FormatException(RejectionCode.MISSING_FIELD, "no headline (headlines must be an array)");
        }
        JsonNode chosen = preferRole(headlines, "main");
        return chosen == null ? null : optionalText(chosen, "value");
    }

    private static String body(JsonNode root) throws FormatException {
        String text = optionalText(root, "body_text");
        if (text != null && !text.isBlank()) {
            return text;
        }
        for (String field : List.of("body_html", "body_xhtml")) {
            String html = optionalText(root, field);
            if (html != null && !html.isBlank()) {
                return HtmlText.toText(html);
            }
        }
        String other = patternProperty(root, "body_");
        if (other != null) {
            return HtmlText.looksLikeHtml(other) ? HtmlText.toText(other) : other;
        }
        JsonNode bodies = root.get("bodies");
        if (bodies == null || bodies.isNull()) {
            return null;
        }
        if (!bodies.isArray()) {
            throw new FormatException(RejectionCode.INVALID_FIELD, "bodies must be an array");
        }
        // Prefer a plain-text body; fall back to the first body, converting markup.
        JsonNode chosen = null;
        for (JsonNode candidate : bodies) {
            if (!candidate.isObject()) {
                throw new FormatException(RejectionCode.INVALID_FIELD, "bodies[] must hold objects");
            }
            if (chosen == null) {
                chosen = candidate;
            }
            String type = contentType(candidate);
            if (type.isEmpty() || type.equals("text/plain")) {
                chosen = candidate;
                break;
            }
        }
        if (chosen == null) {
            return null;
        }
        String value = optionalText(chosen, "value");
        if (value == null) {
            return null;
        }
        String type = contentType(chosen);
        return type.contains("html") || type.contains("xml") ? HtmlText.toText(value) : value;
    }

    /**
     * ninjs 1.x allows further headlines and bodies as {@code headline_*} / {@code body_*} properties; without
     * the plain one, {@code <prefix>main} is taken, else the first such string.
     */
    private static String patternProperty(JsonNode root, String prefix) throws FormatException {
        String main = optionalText(root, prefix + "main");
        if (main != null && !main.isBlank()) {
            return main;
        }
        for (var fields = root.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().startsWith(prefix)
                    && field.getValue().isTextual()
                    && !field.getValue().asText().isBlank()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private static String contentType(JsonNode body) throws FormatException {
        String type = optionalText(body, "contenttype");
        return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    }

    private static String located(JsonNode root) throws FormatException {
        JsonNode located = root.get("located");
        if (located == null || located.isNull()) {
            return null;
        }
        if (located.isTextual()) {
            return located.asText();
        }
        if (located.isObject()) {
            return optionalText(located, "name");
        }
        throw new FormatException(RejectionCode.INVALID_FIELD, "located must be a string or an object with a name");
    }

    private static JsonNode preferRole(JsonNode array, String role) throws FormatException {
        JsonNode first = null;
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw new FormatException(RejectionCode.INVALID_FIELD, "headlines[] must hold objects");
            }
            if (first == null) {
                first = element;
            }
            if (role.equals(optionalText(element, "role"))) {
                return element;
            }
        }
        return first;
    }

    private static String optionalText(JsonNode node, String field) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FormatException(RejectionCode.INVALID_FIELD, field + " must be a string");
        }
        return value.asText();
    }

    /** A field that agencies send either as a number or as a string. */
    private static String optionalScalar(JsonNode node, String field) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Integer.toString(value.intValue());
        }
        throw new FormatException(RejectionCode.INVALID_FIELD, field + " must be an integer or a numeric string");
    }
}
