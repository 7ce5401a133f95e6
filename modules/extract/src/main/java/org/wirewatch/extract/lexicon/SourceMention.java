package org.wirewatch.extract.lexicon;

import org.wirewatch.schema.SourceType;

/**
 * A party a claim can be attributed to, as named in a text.
 *
 * @param start         offset of the first character
 * @param end           offset after the last character
 * @param surface       the text between start and end
 * @param canonicalName canonical name ("Syrian Observatory for Human Rights", "health ministry", "witnesses")
 * @param type          the kind of source
 */
public record SourceMention(int start, int end, String surface, String canonicalName, SourceType type) {}
