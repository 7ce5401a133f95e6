package org.wirewatch.extract;

import java.util.List;
import java.util.Set;
import org.wirewatch.extract.geo.GeoMention;

/**
 * Stage 2's result: what every sentence of a report says, and what holds for the whole report. Immutable.
 *
 * @param text the report's text and sentences (stage 1)
 * @param sentences one {@link SentenceInfo} per sentence, in text order (index = {@code Sentence.index()})
 * @param referencePoints places named only as landmarks ("50 km south of Baghdad", "near the border with Congo"):
 *     never an event's place, but a region when nothing else gives one
 * @param mainCountry the country the report's opening names most, or null
 */
record ReportFacts(
        ReportText text, List<SentenceInfo> sentences, Set<GeoMention> referencePoints, String mainCountry) {}
