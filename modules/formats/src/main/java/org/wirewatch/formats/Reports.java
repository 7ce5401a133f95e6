package org.wirewatch.formats;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/** The field rules every format shares, so that a report means the same whatever it arrived in. */
final class Reports {

    private static final int MAX_URI_LENGTH = 1024;

    private Reports() {}

    /** A story's fields as read from one format, checked and turned into a WireReport by {@link #build}. */
    static final class Draft {
        String uri;
        int version = 1;
        PubStatus pubStatus = PubStatus.USABLE;
        Instant firstCreated;
        Instant versionCreated;
        String language;
        String agency;
        String located;
        String headline;
        String body;
        Integer urgency;
        List<String> signals = List.of();

        /**
         * Checks the draft: an id, a headline and a body are required, except that a canceled story may come
         * without headline and body, because a withdrawal only needs to name the story.
         */
        WireReport build(ReportFormat format, String where) throws FormatException {
            String prefix = where.isEmpty() ? "" : where + ": ";
            if (uri == null || uri.isBlank()) {
                throw new FormatException(RejectionCode.MISSING_FIELD, prefix + "no story id (uri/guid/id)");
            }
            String id = uri.strip();
            if (id.length() > MAX_URI_LENGTH) {
                throw new FormatException(
                        RejectionCode.INVALID_FIELD, prefix + "story id longer than " + MAX_URI_LENGTH + " characters");
            }
            String head = headline == null ? "" : Paragraphs.line(headline);
            String text = body == null ? "" : Paragraphs.body(body);
            if (pubStatus != PubStatus.CANCELED) {
                if (head.isEmpty()) {
                    throw new FormatException(RejectionCode.MISSING_FIELD, prefix + "no headline");
                }
                if (text.isEmpty()) {
                    throw new FormatException(RejectionCode.MISSING_FIELD, prefix + "no body text");
                }
            }
            return WireReport.newBuilder()
                    .setUri(id)
                    .setVersion(version)
                    .setPubStatus(pubStatus)
                    .setFirstCreated(firstCreated)
                    .setVersionCreated(versionCreated)
                    .setLanguage(blankToNull(language))
                    .setAgency(blankToNull(agency == null ? null : Paragraphs.line(agency)))
                    .setLocated(blankToNull(located == null ? null : Paragraphs.line(located)))
                    .setHeadline(head)
                    .setBody(text)
                    .setUrgency(urgency)
                    .setFormat(format)
                    .setSource(null)
                    .setReceivedAt(null)
                    .setSignals(List.copyOf(signals))
                    .build();
        }
    }

    /** A version as agencies write it: a positive integer, as a number or a string. */
    static int version(String field, String value) throws FormatException {
        String v = value.strip();
        try {
            int version = Integer.parseInt(v);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // fall through to the rejection below
        }
        throw new FormatException(
                RejectionCode.INVALID_FIELD, field + " must be a positive integer, got '" + Excerpts.clip(v, 40) + "'");
    }

    /** IPTC urgency, 1 (highest) to 9. */
    static int urgency(String field, String value) throws FormatException {
        String v = value.strip();
        try {
            int urgency = Integer.parseInt(v);
            if (urgency >= 1 && urgency <= 9) {
                return urgency;
            }
        } catch (NumberFormatException e) {
            // fall through to the rejection below
        }
        throw new FormatException(
                RejectionCode.INVALID_FIELD,
                field + " must be an integer from 1 to 9, got '" + Excerpts.clip(v, 40) + "'");
    }

    /** IPTC publication status from a ninjs value or the last segment of a NewsML-G2 qcode/URI. */
    static PubStatus pubStatus(String field, String value) throws FormatException {
        String v = value.strip();
        String code = v.substring(Math.max(v.lastIndexOf(':'), v.lastIndexOf('/')) + 1)
                .toLowerCase(Locale.ROOT);
        return switch (code) {
            case "usable" -> PubStatus.USABLE;
            case "withheld" -> PubStatus.WITHHELD;
            case "canceled", "cancelled" -> PubStatus.CANCELED;
            default ->
                throw new FormatException(
                        RejectionCode.INVALID_FIELD,
                        field + " must be usable, withheld or canceled, got '" + Excerpts.clip(v, 40) + "'");
        };
    }

    /** The primary subtag of a language tag, lower case ("en-GB" becomes "en"), or null. */
    static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
