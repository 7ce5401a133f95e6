package org.wirewatch.formats;

/** Kinds of rejection, so that each transport can answer in its own terms (HTTP status, file name, metric tag). */
public enum RejectionCode {
    /** The input is larger than the configured limit. */
    TOO_LARGE,
    /** The input is empty or only whitespace. */
    EMPTY,
    /** The declared content type or the detected structure is not a format Wirewatch reads. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The declared character encoding is unknown to the platform. */
    UNKNOWN_ENCODING,
    /** The bytes are not valid in the detected or declared encoding. */
    INVALID_ENCODING,
    /** The input is binary data, not text. */
    BINARY,
    /** Malformed JSON or XML. */
    MALFORMED,
    /** XML with a DOCTYPE: DTDs, external entities and entity expansion are refused, never processed. */
    FORBIDDEN_XML,
    /**
     * Well-formed and in a supported format, but what it carries is not a text story: a picture, video, audio,
     * event, planning or concept item, or a package that only refers to its items.
     */
    NOT_TEXT,
    /** Well-formed and in a supported format, but it carries no item at all (a feed without entries). */
    NO_ITEM,
    /** Well-formed, but a required field (headline, body, id) is missing. */
    MISSING_FIELD,
    /** Well-formed, but a field has a value that cannot be read (version, timestamp, status...). */
    INVALID_FIELD,
    /** The parser met a condition it does not handle; a bug, logged with the exception. */
    INTERNAL_ERROR
}
