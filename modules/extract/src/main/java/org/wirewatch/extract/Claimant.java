package org.wirewatch.extract;

import org.wirewatch.schema.SourceType;

/**
 * Who made a statement.
 *
 * @param name the source's name as the claim gives it
 * @param type the kind of source
 * @param speaker the person who spoke for it, or null
 * @param key the normalised canonical name: two wordings of one source are one source
 * @param generic no name, only a description ("a security source", "residents")
 * @param head the last word of the normalised name ("monitor", "ministry")
 */
record Claimant(String name, SourceType type, String speaker, String key, boolean generic, String head) {}
