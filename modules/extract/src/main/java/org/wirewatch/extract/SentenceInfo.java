package org.wirewatch.extract;

import java.util.List;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.lexicon.SourceMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Sentence;

/**
 * Stage 2's result for one sentence: everything read from it (figures, dates, triggers, places, parties, sources,
 * markers, attribution cues), before sentences are grouped into incidents. Immutable.
 */
final class SentenceInfo {

    final Sentence sentence;
    final List<CasualtyFact> facts;
    final List<DateMention> dates;
    final List<TriggerReader.Trigger> triggers;
    final List<GeoMention> places;
    final List<ActorMention> actors;
    final List<SourceMention> sources;
    final boolean newMarker;
    final boolean superseded;
    final boolean cumulative;
    final boolean also;
    /** Opens with a later moment of the day just told and tells an event of its own ("Later the same day, ..."). */
    final boolean laterEvent;
    /** Every place named in the sentence, including those inside party names. */
    final List<GeoMention> allPlaces;
    /** Attribution cues of the sentence (attribution.tsv), claimed attacks resolved. */
    final List<PhraseMatcher.Match> cues;

    SentenceInfo(
            Sentence sentence,
            List<CasualtyFact> facts,
            List<DateMention> dates,
            List<TriggerReader.Trigger> triggers,
            List<GeoMention> places,
            List<ActorMention> actors,
            List<SourceMention> sources,
            boolean newMarker,
            boolean superseded,
            boolean cumulative,
            boolean also,
            boolean laterEvent,
            List<GeoMention> allPlaces,
            List<PhraseMatcher.Match> cues) {
        this.sentence = sentence;
        this.facts = facts;
        this.dates = dates;
        this.triggers = triggers;
        this.places = places;
        this.actors = actors;
        this.sources = sources;
        this.newMarker = newMarker;
        this.superseded = superseded;
        this.cumulative = cumulative;
        this.also = also;
        this.laterEvent = laterEvent;
        this.allPlaces = allPlaces;
        this.cues = cues;
    }

    boolean isHeadline() {
        return sentence.paragraph() == 0;
    }

    int maxTriggerWeight() {
        int w = 0;
        for (TriggerReader.Trigger t : triggers) {
            w = Math.max(w, t.weight());
        }
        return w;
    }

    boolean hasTerritory() {
        for (TriggerReader.Trigger t : triggers) {
            if (t.code().equals("TERRITORY")) {
                return true;
            }
        }
        return false;
    }

    boolean hasCasualties() {
        // a loop, not a stream: asked several times for every sentence
        for (CasualtyFact f : facts) {
            if (f.kind() != CasualtyFact.Kind.BREAKDOWN) {
                return true;
            }
        }
        return false;
    }

    /** A sentence that reports a violent event: a specific trigger or a casualty figure. */
    boolean eventful() {
        return !cumulative && (maxTriggerWeight() >= 2 || hasCasualties());
    }

    /** The first date saying when something happened (not when someone spoke, not a period). */
    DateMention eventDate() {
        for (DateMention d : dates) {
            if (d.role() == DateMention.Role.EVENT || d.role() == DateMention.Role.PAST) {
                return d;
            }
        }
        return null;
    }

    /** The dominant trigger code of the sentence, or null. */
    String topTrigger() {
        TriggerReader.Trigger best = null;
        for (TriggerReader.Trigger t : triggers) {
            if (best == null || t.weight() > best.weight()) {
                best = t;
            }
        }
        return best == null ? null : best.code();
    }
}
