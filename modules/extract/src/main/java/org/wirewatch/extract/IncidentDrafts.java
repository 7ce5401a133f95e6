package org.wirewatch.extract;

import java.util.List;

/**
 * Stage 3's result: the report's incident frames and the frame each sentence belongs to. Immutable.
 *
 * @param frames the incidents in the order they opened, the main one first; empty when the report has none
 * @param bySentence the frame of each sentence by {@code Sentence.index()}, null for a sentence in none (a
 *     running total, a sentence before the first incident)
 */
record IncidentDrafts(List<Frame> frames, List<Frame> bySentence) {

    /** The frame a sentence belongs to, or null. */
    Frame frameOf(SentenceInfo s) {
        return bySentence.get(s.sentence.index());
    }

    /** The report's first incident, or null. */
    Frame main() {
        return frames.isEmpty() ? null : frames.get(0);
    }
}
