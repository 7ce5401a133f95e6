package org.wirewatch.extract.rules;

/**
 * A casualty figure read from one sentence.
 *
 * @param role killed, injured or abducted
 * @param value the count; null for a vague count ("dozens")
 * @param vague true when the text only gave a vague count
 * @param kind a total, a breakdown of a total ("including 17 children") or an implicit single victim
 * @param group "children", "civilians" or null
 * @param from first token of the figure in the sentence
 * @param to one past its last token
 * @param additive true for "another seven", "five more", "a further 21": on top of a figure given just before
 */
public record CasualtyFact(
        Role role, Integer value, boolean vague, Kind kind, String group, int from, int to, boolean additive) {

    /** What happened to the people counted. */
    public enum Role {
        KILLED,
        INJURED,
        ABDUCTED
    }

    /** How the figure relates to the event's toll. */
    public enum Kind {
        TOTAL,
        BREAKDOWN,
        IMPLICIT
    }

    public boolean isTotal() {
        return kind == Kind.TOTAL;
    }
}
